// `beckon import-lhc`, spawned as a user runs it (the source entry through tsx), on test/cli/files/lhc-rows.json and
// on a live MariaDB (127.0.0.1:3306, root, database `test`): files written, report printed, exit codes.
import { randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import mysql from "mysql2/promise";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { beckon } from "./run-beckon.js";
import { createLhcTables, dropLhcTables, insertLhcRows } from "../lhc/lhc-tables.js";

const root = join(import.meta.dirname, "..", "..");
const files = join(import.meta.dirname, "files");
const expected = JSON.parse(readFileSync(join(root, "test", "lhc", "expected.json"), "utf8")) as { invitations: unknown[]; events: unknown[] };
const rows = JSON.parse(readFileSync(join(files, "lhc-rows.json"), "utf8")) as Record<string, Record<string, unknown>[]>;
const out = mkdtempSync(join(tmpdir(), "beckon-import-lhc-"));


const prefix = `c${randomUUID().replaceAll("-", "").slice(0, 10)}_`;
let connection: mysql.Connection;

beforeAll(async () => {
  try {
    connection = await mysql.createConnection({ host: "127.0.0.1", port: 3306, user: "root", password: "", database: "test", connectTimeout: 5_000 });
  } catch (error) {
    throw new Error(`MariaDB is not reachable at 127.0.0.1:3306 as root (${(error as Error).message}): start it (\`service mariadb start\`; .ci/run does this)`);
  }
  await createLhcTables(connection, prefix);
  await insertLhcRows(connection, prefix, rows);
}, 30_000);

afterAll(async () => {
  if (connection === undefined) return;
  await dropLhcTables(connection, prefix);
  await connection.end();
});

// Spawned processes share two cores with everything else on the machine: room enough for a loaded one.
describe.concurrent("beckon import-lhc (the executable)", { timeout: 180_000 }, () => {
  it("--mysql: reads a live database, writes the invitations and events files, prints the report, exits 0", async () => {
    const invitations = join(out, "mysql-invitations.json");
    const events = join(out, "mysql-events.json");
    const run = await beckon(["import-lhc", "--mysql", "mysql://root@127.0.0.1:3306/test", "--prefix", prefix, "--time-zone", "Europe/Vilnius", "--out", invitations, "--events-out", events]);
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(JSON.parse(readFileSync(invitations, "utf8"))).toEqual(expected.invitations);
    expect(JSON.parse(readFileSync(events, "utf8"))).toEqual(expected.events);
    expect(run.stdout).toMatch(/^Imported 18 invitations and 3 event definitions from 20 invitation rows \(written to .*\)\.\n/);
    expect(run.stdout).toContain(`${prefix}abstract_proactive_chat_invitation #12 design_data.attrf_cond_4: unknown operator "approx"`);
    expect(run.stdout).toContain("Not carried over exactly (6):");
    expect(run.stdout).toContain("LHC behaves differently (19):");
  });

  it("--rows without --out: the invitations on standard output, the report on standard error", async () => {
    const run = await beckon(["import-lhc", "--rows", "lhc-rows.json", "--time-zone", "Europe/Vilnius"]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(expected.invitations);
    expect(run.stderr).toContain("lh_abstract_proactive_chat_invitation #19 design_data: is not JSON");
  });

  it("--json: the report as data, where the text would go (standard error without --out, standard output with it)", async () => {
    const [alone, written] = await Promise.all([
      beckon(["import-lhc", "--rows", "lhc-rows.json", "--time-zone", "Europe/Vilnius", "--json"]),
      beckon(["import-lhc", "--rows", "lhc-rows.json", "--time-zone", "Europe/Vilnius", "--json", "--out", join(out, "json.json")]),
    ]);
    expect(alone.code).toBe(0);
    expect(JSON.parse(alone.stdout)).toEqual(expected.invitations);
    const report = JSON.parse(alone.stderr) as { invitations: number; eventDefinitions: number; invitationRows: number; written: string[]; report: { table: string; rowId: string; column: string; kind: string }[] };
    expect(report).toMatchObject({ invitations: expected.invitations.length, eventDefinitions: expected.events.length, invitationRows: rows["invitations"]?.length, written: [] });
    expect(report.report).toContainEqual(expect.objectContaining({ table: "lh_abstract_proactive_chat_invitation", rowId: "19", column: "design_data", kind: "lossy" }));
    expect(written).toMatchObject({ code: 0, stderr: "" });
    expect(JSON.parse(written.stdout)).toEqual({ ...report, written: [join(out, "json.json")] });
  });

  it("--strict exits 1 when anything could not be carried over; without --time-zone the schedules are reported", async () => {
    const run = await beckon(["import-lhc", "--rows", "lhc-rows.json", "--strict", "--out", join(out, "strict.json")]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("#13 repetitiveness: LHC runs this schedule on its server's clock, and no time zone was given");
    const clean = join(out, "clean-rows.json");
    writeFileSync(clean, JSON.stringify({ invitations: [{ id: 1, message: "Hi", position: 3 }] }));
    const ok = await beckon(["import-lhc", "--rows", clean, "--strict", "--out", join(out, "clean.json")]);
    expect(ok).toMatchObject({ code: 0, stderr: "" });
    expect(ok.stdout).toContain("Everything was carried over.");
    expect(JSON.parse(readFileSync(join(out, "clean.json"), "utf8"))).toEqual([{ id: "1", position: 3, message: "Hi" }]);
  });

  it("exits 2 for a usage error: no source, both sources, a bad time zone, a bad prefix", async () => {
    const cases = [
      ["import-lhc"],
      ["import-lhc", "--rows", "lhc-rows.json", "--mysql", "mysql://root@127.0.0.1/test"],
      ["import-lhc", "--rows", "lhc-rows.json", "--time-zone", "Mars/Olympus"],
      ["import-lhc", "--mysql", "mysql://root@127.0.0.1:3306/test", "--prefix", "lh_; DROP TABLE x"],
    ];
    const runs = await Promise.all(cases.map((args) => beckon(args)));
    expect(runs.map((run) => run.code)).toEqual([2, 2, 2, 2]);
    expect(runs[0]?.stderr).toContain("give exactly one source: --mysql <url>");
    expect(runs[2]?.stderr).toContain('--time-zone must be an IANA time zone such as Europe/Vilnius, not "Mars/Olympus"');
    expect(runs[3]?.stderr).toContain("--prefix must be letters, digits and _");
  });

  it("exits 2 when --out and --events-out name the same file, and writes nothing", async () => {
    const same = join(out, "same.json");
    const runs = await Promise.all([
      beckon(["import-lhc", "--rows", "lhc-rows.json", "--out", same, "--events-out", same]),
      beckon(["import-lhc", "--rows", "lhc-rows.json", "--out", join(out, "again.json"), "--events-out", join(out, ".", "sub", "..", "again.json")]),
    ]);
    for (const run of runs) {
      expect(run).toMatchObject({ code: 2, stdout: "" });
      expect(run.stderr).toMatch(/^beckon: --out and --events-out name the same file \(.*\): the events would be written over the invitations\n/);
    }
    expect(existsSync(same)).toBe(false);
  });

  it("never prints the database password, even one holding / or @ (which the URL parser cannot place)", async () => {
    const [slash, at, digitsThenSlash] = await Promise.all([
      beckon(["import-lhc", "--mysql", "mysql://root:pa/ss@127.0.0.1:3306/test"]),
      beckon(["import-lhc", "--mysql", "mysql://root:p@ss@127.0.0.1:1/test"]),
      beckon(["import-lhc", "--mysql", "mysql://root:12/ss@127.0.0.1:1/test"]),
    ]);
    expect(slash).toMatchObject({ code: 1, stderr: expect.stringMatching(/^cannot connect to mysql:\/\/\*\*\*@127\.0\.0\.1:3306\/test: /) });
    expect(at).toMatchObject({ code: 1, stderr: expect.stringMatching(/^cannot connect to mysql:\/\/root:\*\*\*@127\.0\.0\.1:1\/test: /) });
    expect(digitsThenSlash).toMatchObject({ code: 1, stderr: expect.stringMatching(/^cannot connect to mysql:\/\/\*\*\*@127\.0\.0\.1:1\/test: /) });
    for (const run of [slash, at, digitsThenSlash]) expect(run.stderr).not.toMatch(/pa\/ss|p@ss|ss@|12\/ss/);
  });

  it("exits 1 naming the problem: rows that are not LHC's, an unreachable database, a missing table", async () => {
    const [notRows, down, missing] = await Promise.all([
      beckon(["import-lhc", "--rows", "valid.json"]),
      beckon(["import-lhc", "--mysql", "mysql://root:secret@127.0.0.1:1/test"]),
      beckon(["import-lhc", "--mysql", "mysql://root@127.0.0.1:3306/test", "--prefix", "nothing_here_"]),
    ]);
    expect(notRows).toMatchObject({ code: 1, stdout: "" });
    expect(notRows.stderr).toContain('valid.json: expected { "invitations": [...]');
    expect(down.code).toBe(1);
    expect(down.stderr).toMatch(/^cannot connect to mysql:\/\/root:\*\*\*@127\.0\.0\.1:1\/test: /);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("cannot read table nothing_here_abstract_proactive_chat_invitation");
  });
});
