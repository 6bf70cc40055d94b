// The example chat server: `npm run example`, then open http://127.0.0.1:3000.
//
//   PORT=3000 HOST=127.0.0.1       where it listens
//   REDIS_URL=redis://127.0.0.1:6379            visitors in Redis instead of memory
//   DATABASE_URL=postgres://postgres@127.0.0.1/test   … or in PostgreSQL
//   OPERATOR_TOKEN=<at least 16 characters>     turns on the operator routes (PUT /operator/invitations, …)
//   COOKIE_SECRET=<random text>                 signs visitor cookies; default: a new secret per start
import { randomBytes } from "node:crypto";
import { createChatServer } from "./create-chat-server.js";
import { readInvitationFiles } from "./invitation-files.js";
import { storageFromEnvironment } from "./storage-from-environment.js";

const env = process.env;
const port = Number(env["PORT"] ?? 3000);
const host = env["HOST"] ?? "127.0.0.1";
const operatorToken = env["OPERATOR_TOKEN"] === undefined || env["OPERATOR_TOKEN"] === "" ? undefined : env["OPERATOR_TOKEN"];

const { invitations, events } = await readInvitationFiles(
  new URL("./invitations.json", import.meta.url),
  new URL("./events.json", import.meta.url),
);
const { storage, description } = await storageFromEnvironment(env);
const app = await createChatServer({
  storage,
  invitations,
  events,
  cookieSecret: env["COOKIE_SECRET"] ?? randomBytes(32).toString("base64url"),
  ...(operatorToken === undefined ? {} : { operatorToken }),
  logger: env["LOG"] === "1",
});
await app.listen({ port, host });

const base = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
console.log(`beckon's example chat server: ${base}  (storage: ${description})`);
console.log(`  pages ${base}/ · ${base}/pricing · ${base}/docs · playground ${base}/playground`);
console.log(
  operatorToken === undefined
    ? "  operator routes off (set OPERATOR_TOKEN to edit the invitations over HTTP)"
    : `  operator routes on: curl -H "Authorization: Bearer $OPERATOR_TOKEN" ${base}/operator/invitations`,
);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => void app.close().then(() => process.exit(0)));
}
