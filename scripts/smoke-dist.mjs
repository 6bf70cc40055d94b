// Imports every published entry point from dist/ the way users will — ESM import and CommonJS require — and makes a
// decision with each format. Vitest and tsx resolve modules more leniently than Node does, so only this catches an
// import that works in the tests but not for users (such as a bare "picomatch/posix" without its ".js").
// The runtime dependencies are bundled into dist/ and are only devDependencies, so dist/ may import nothing else
// but the adapters' optional peers and Node's built-ins: anything more would be missing for users.
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { builtinModules, createRequire } from "node:module";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const entries = ["index", "storage/index", "redis/index", "postgres/index", "schema/index", "testing/index", "lhc/index"];
const PEERS = ["ioredis", "pg", "fast-check", "mysql2/promise"];

const dist = new URL("../dist/", import.meta.url);
const built = readdirSync(dist, { recursive: true }).filter((file) => /\.c?js$/.test(file));
for (const file of built) {
  const code = readFileSync(new URL(file, dist), "utf8");
  // Identifiers shortened but whitespace kept: no line so long that Node, printing the line of an uncaught error,
  // buries the message under the bundle; a statement still may start after `;` or `}`.
  const longest = Math.max(...code.split("\n").map((line) => line.length));
  assert.ok(longest <= 2000, `dist/${file} has a ${longest}-character line: the build must keep whitespace`);
  const statements = /(?:^|[;}])\s*(?:(?:import|export)\s*[\w$*{},\s]*?from|import)\s*["']([^"']+)["']/gm;
  const calls = /\b(?:require|import)\(\s*["']([^"']+)["']\s*\)/g;
  const specifiers = [...code.matchAll(statements), ...code.matchAll(calls)].map((m) => m[1]);
  const foreign = specifiers.filter(
    (s) => !s.startsWith(".") && !PEERS.includes(s) && !builtinModules.includes(s.replace(/^node:/, "")),
  );
  assert.deepEqual(foreign, [], `dist/${file} imports packages that are not bundled`);
}
const invitations = [{ id: "hello", message: "Hi {lhc.var.name}", urls: ["example.com/pricing*"] }];
const visitor = { id: "v1", url: "https://example.com/pricing/x", attributes: { name: "<Ann>" } };

for (const entry of entries) {
  const esm = await import(new URL(`../dist/${entry}.js`, import.meta.url).href);
  const cjs = require(`../dist/${entry}.cjs`);
  assert.deepEqual(Object.keys(esm).sort(), Object.keys(cjs).sort(), `${entry}: ESM and CJS export the same names`);
}

for (const core of [await import("../dist/index.js"), require("../dist/index.cjs")]) {
  const decision = core.evaluate(core.compile(core.parseInvitations(invitations)), visitor, Date.UTC(2026, 0, 1));
  assert.equal(decision.message, "Hi &lt;Ann&gt;");
  // Names kept through the build: errors read as what they are in a log and in util.inspect.
  const thrown = (() => {
    try {
      core.parseInvitations([{}]);
    } catch (error) {
      return error;
    }
  })();
  assert.equal(thrown?.constructor?.name, "ConfigError", "the published ConfigError keeps its name");
  assert.match(String(thrown.stack), /\n\s+at (?:\w+\.)?parseInvitations /, "stack frames name the functions as written");
}

for (const [storage, redis] of [
  [await import("../dist/storage/index.js"), await import("../dist/redis/index.js")],
  [require("../dist/storage/index.cjs"), require("../dist/redis/index.cjs")],
]) {
  const beckon = storage.createBeckon({ invitations });
  assert.equal((await beckon.check(visitor, { at: Date.UTC(2026, 0, 1) })).status, "selected");
  assert.equal(typeof redis.createRedisStorage, "function");
  assert.equal(storage.StorageError.name, "StorageError", "the published StorageError keeps its name");
}
// beckon/schema is schema.json as a module, and the package exports the file itself; beckon/testing generates sets
// the published parser accepts, with fast-check (an optional peer) resolved from the user's installation.
const schemaFile = JSON.parse(readFileSync(new URL("../schema.json", import.meta.url), "utf8"));
const fc = (await import("fast-check")).default;
for (const [schema, testing, core] of [
  [await import("../dist/schema/index.js"), await import("../dist/testing/index.js"), await import("../dist/index.js")],
  [require("../dist/schema/index.cjs"), require("../dist/testing/index.cjs"), require("../dist/index.cjs")],
]) {
  assert.deepEqual(schema.invitationsJsonSchema, schemaFile, "beckon/schema exports schema.json");
  for (const set of fc.sample(testing.arbitraryInvitations(), { numRuns: 20, seed: 1 })) core.parseInvitations(set);
}
assert.deepEqual(require("beckon/schema.json"), schemaFile, "beckon/schema.json resolves through the package's exports");
// beckon/lhc: LHC's rows (numbers as strings, as drivers give them) import in both formats.
for (const lhc of [await import("../dist/lhc/index.js"), require("../dist/lhc/index.cjs")]) {
  const { invitations, report } = lhc.fromLhc({ invitations: [{ id: "7", position: "1", message: "Hi", show_on_mobile: "0" }] });
  assert.deepEqual(invitations, [{ id: "7", position: 1, devices: ["desktop"], message: "Hi" }]);
  assert.deepEqual(report, []);
}
// The executable as npm links it: `bin` points at dist/cli.js, run by Node with nothing but dist/ to lean on.
const { bin } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
const cli = fileURLToPath(new URL(`../${bin.beckon}`, import.meta.url));
const valid = spawnSync(process.execPath, [cli, "validate", fileURLToPath(new URL("../test/cli/files/valid.json", import.meta.url))], { encoding: "utf8" });
assert.equal(valid.status, 0, `beckon validate: ${valid.stderr}`);
assert.match(valid.stdout, /3 invitations, valid/);
const usage = spawnSync(process.execPath, [cli, "frobnicate"], { encoding: "utf8" });
assert.equal(usage.status, 2, "beckon with an unknown command exits 2");
// mysql2 is an optional peer: where it is not installed, import-lhc --mysql says so (the executable alone, copied
// where no node_modules is); everything else works without it.
const alone = mkdtempSync(join(tmpdir(), "beckon-cli-"));
copyFileSync(cli, join(alone, "cli.js"));
const noDriver = spawnSync(process.execPath, [join(alone, "cli.js"), "import-lhc", "--mysql", "mysql://root@127.0.0.1:3306/test"], { encoding: "utf8" });
assert.equal(noDriver.status, 1, `beckon import-lhc --mysql without mysql2: ${noDriver.stderr}`);
assert.match(noDriver.stderr, /mysql2 package, which is not installed: npm install mysql2/);
const rows = spawnSync(process.execPath, [join(alone, "cli.js"), "import-lhc", "--rows", fileURLToPath(new URL("../test/cli/files/lhc-rows.json", import.meta.url)), "--time-zone", "Europe/Vilnius"], { encoding: "utf8" });
assert.equal(rows.status, 0, `beckon import-lhc --rows without mysql2: ${rows.stderr}`);
rmSync(alone, { recursive: true, force: true });
const printed = spawnSync(process.execPath, [cli, "schema"], { encoding: "utf8" });
assert.equal(printed.stdout, readFileSync(new URL("../schema.json", import.meta.url), "utf8"), "beckon schema prints schema.json");
console.log(`dist smoke test passed: ${entries.length} entries, ESM and CommonJS, the beckon executable, ${built.length} files import no unbundled package`);
