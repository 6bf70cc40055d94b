import { UsageError } from "./io.js";

/**
 * Refuses a command line that names standard input (`-`) for more than one of a command's files, whichever
 * arguments or options name it: standard input is read once, so the second file would be empty ("not JSON").
 *
 * @example
 * checkOneStandardInput(["-", "visitor.json", undefined]) // passes
 * checkOneStandardInput(["-", "-"])                       // throws UsageError
 */
export function checkOneStandardInput(paths: readonly (string | undefined)[]): void {
  if (paths.filter((path) => path === "-").length > 1) throw new UsageError("only one of the files can be read from standard input (-)");
}
