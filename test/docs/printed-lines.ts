// What a doc block says it prints: a one-line `console.log(…);` followed by a comment, on the same line or alone on
// the next, states the printed text (`console.log(d.reason); // suppressed`). A comment ending in "…" gives how the
// text starts. The run copy of a block reports each such call with its line, so the test can compare.
import { format } from "node:util";

/** The name of the global the run copy calls instead of `console.log` on lines with an expectation. */
export const PRINT_HOOK = "__beckonDocPrint";

const ONE_LINE_LOG = /^(\s*)console\.log\((.*)\);\s*(?:\/\/\s?(.*))?$/;
const COMMENT_LINE = /^\s*\/\/\s?(.*)$/;

/**
 * The printed text each `console.log` line of a block promises, by 0-based line of the block.
 *
 * @example
 * printExpectations('console.log(1 + 1); // 2\nconsole.log("a");\n// a') // => Map { 0 => "2", 1 => "a" }
 */
export function printExpectations(code: string): Map<number, string> {
  const lines = code.split("\n");
  const expected = new Map<number, string>();
  lines.forEach((line, index) => {
    const log = ONE_LINE_LOG.exec(line);
    if (log === null) return;
    const trailing = log[3];
    const below = COMMENT_LINE.exec(lines[index + 1] ?? "")?.[1];
    const text = trailing ?? below;
    if (text !== undefined) expected.set(index, text.trimEnd());
  });
  return expected;
}

/**
 * The block's code with each `console.log(` of an expectation line replaced by a call to the print hook with its
 * line, so what it prints can be told apart by line.
 *
 * @example
 * instrumentPrints("console.log(x); // 2", new Map([[0, "2"]])) // => "__beckonDocPrint(0, x); // 2"
 */
export function instrumentPrints(code: string, expected: ReadonlyMap<number, string>): string {
  return code
    .split("\n")
    .map((line, index) => (expected.has(index) ? line.replace("console.log(", `${PRINT_HOOK}(${index}, `) : line))
    .join("\n");
}

/**
 * Whether a printed text is what the comment promised: equal, or for a comment ending in "…", starting with the
 * text before it.
 *
 * @example
 * printedAsPromised("Need help? Rita can help.", "Need help? …") // => true
 */
export function printedAsPromised(printed: string, promised: string): boolean {
  if (promised.endsWith("…")) return printed.startsWith(promised.slice(0, -1).trimEnd());
  return printed === promised;
}

/** Formats a call's arguments as `console.log` prints them. */
export function formatPrint(args: readonly unknown[]): string {
  return format(...args);
}
