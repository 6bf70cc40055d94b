// Run by bench/startup.ts in a fresh `node` process: argv = [dist entry URL, workload JSON file].
// Times, from before the import of beckon to the first decision: import, parseInvitations, compile, evaluate.
import { readFileSync } from "node:fs";

const [entry, workloadFile] = process.argv.slice(2);
const { invitations, visitor, now } = JSON.parse(readFileSync(workloadFile, "utf8"));
const text = JSON.stringify(invitations); // the set arrives as JSON text, as from a file or a database

const t0 = performance.now();
const beckon = await import(entry);
const t1 = performance.now();
const parsed = beckon.parseInvitations(JSON.parse(text));
const t2 = performance.now();
const ruleset = beckon.compile(parsed);
const t3 = performance.now();
const decision = beckon.evaluate(ruleset, visitor, now);
const t4 = performance.now();

process.stdout.write(
  JSON.stringify({
    bootMs: t0,
    importMs: t1 - t0,
    parseMs: t2 - t1,
    compileMs: t3 - t2,
    evaluateMs: t4 - t3,
    totalMs: t4 - t0,
    winner: decision.invitation?.id ?? null,
  }),
);
