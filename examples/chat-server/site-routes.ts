import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance, FastifyReply } from "fastify";

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

/** The demo website's pages: path → file in pages/. */
const PAGES: Readonly<Record<string, string>> = { "/": "index.html", "/pricing": "pricing.html", "/docs": "docs.html" };

/**
 * Scripts and styles from this server only, and nothing inline: a message's HTML (trusted configuration) cannot
 * run a script even if someone slips one in.
 */
const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; " +
  "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/** Where the playground's build lands (`npm run build:playground`). */
const PLAYGROUND_DIST = here("../playground/dist/");

/**
 * The demo website: its pages (home, pricing, docs), the widget and styles under `/assets/`, and the playground at
 * `/playground/` when it has been built (else a page saying how to build it).
 *
 * @example
 * app.register(siteRoutes());
 */
export function siteRoutes(playgroundDir: string = PLAYGROUND_DIST) {
  return async function register(app: FastifyInstance): Promise<void> {
    await app.register(fastifyStatic, { root: here("./public/"), prefix: "/assets/" });
    for (const [path, file] of Object.entries(PAGES)) {
      app.get(path, async (_request, reply) => securePage(reply).sendFile(file, here("./pages/")));
    }
    if (existsSync(playgroundDir)) {
      await app.register(fastifyStatic, { root: playgroundDir, prefix: "/playground/", decorateReply: false });
      // Its page refers to its files relatively: they resolve under /playground/ only.
      app.get("/playground", async (_request, reply) => reply.redirect("/playground/"));
    } else {
      app.get("/playground", async (_request, reply) => securePage(reply).sendFile("playground-missing.html", here("./pages/")));
      app.get("/playground/*", async (_request, reply) => reply.redirect("/playground"));
    }
  };
}

function securePage(reply: FastifyReply): FastifyReply {
  return reply
    .header("content-security-policy", CONTENT_SECURITY_POLICY)
    .header("x-content-type-options", "nosniff")
    .header("referrer-policy", "same-origin");
}
