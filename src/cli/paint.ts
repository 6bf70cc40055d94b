import pc from "picocolors";

/** Colours for people at a terminal; plain text everywhere else (a pipe, a file, `NO_COLOR`, `--json`). */
export interface Paint {
  bad(text: string): string;
  good(text: string): string;
  dim(text: string): string;
  strong(text: string): string;
}

/**
 * The paint for one run.
 *
 * @example
 * paint(false).bad("2 problems") // => "2 problems"
 */
export function paint(colour: boolean): Paint {
  const c = pc.createColors(colour);
  return { bad: c.red, good: c.green, dim: c.dim, strong: c.bold };
}
