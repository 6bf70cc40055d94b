/**
 * One side of bench/instructions.ts, run under valgrind: `node instructions-child.mjs beckon|loop K PASSES VISITORS [SHAPE]`
 * decides the fixed-cost workload's VISITORS visitors PASSES times, inside a function so the engine optimises the
 * loop as it does the decision.
 */
import { compile, evaluate, type Visitor } from "../src/index.js";
import { fixedCostWorkload, workloadShape } from "./fixed-cost-workload.js";
import { plainLoop, prepare } from "./plain-loop.js";

const [side = "beckon", k = "10", passes = "10", count = "2000", shape] = process.argv.slice(2);
const { invitations, visitors, instants } = fixedCostWorkload(Number(k), Number(count), workloadShape(shape));
const ruleset = compile(invitations);
const plain = invitations.map(prepare);
let winners = 0;

function beckonPass(): void {
  for (let i = 0; i < visitors.length; i++) if (evaluate(ruleset, visitors[i] as Visitor, instants[i] as number).status !== "none") winners++;
}

function loopPass(): void {
  for (let i = 0; i < visitors.length; i++) if (plainLoop(plain, visitors[i] as Visitor, instants[i] as number) >= 0) winners++;
}

for (let pass = 0; pass < Number(passes); pass++) (side === "loop" ? loopPass : beckonPass)();
console.log(winners);
