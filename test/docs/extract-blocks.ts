// Finds the TypeScript and JavaScript code blocks of a Markdown page, with the `<!-- check: … -->` comment that may
// stand right before each (CONTRIBUTING.md, "Code blocks in the docs").

/** What the doc-block test does with a block. */
export type BlockMode = "run" | "types-only" | "skip";

/** One ts/js code block of a page. */
export interface DocBlock {
  /** The page, relative to the repository root (`docs/storage.md`). */
  file: string;
  /** The 1-based line of the block's first line of code in the page. */
  line: number;
  language: "ts" | "js";
  code: string;
  mode: BlockMode;
  /** Why the block is not run (required for `types-only` and `skip`). */
  reason: string;
  /** Code the page does not show, put before the block when it is checked and run (the comment's later lines). */
  prelude: string;
}

/** A `<!-- check … -->` comment the test cannot obey, with its line. */
export interface DirectiveProblem {
  file: string;
  line: number;
  message: string;
}

const LANGUAGES: Record<string, "ts" | "js"> = { ts: "ts", typescript: "ts", js: "js", javascript: "js" };
const MODES: readonly BlockMode[] = ["run", "types-only", "skip"];
const OPENING_FENCE = /^(\s*)(`{3,}|~{3,})\s*([^\s`]*)/;
const DIRECTIVE = /^\s*<!--\s*check:\s*([\w-]+)\s*(?:(?:—|–|--|-)\s*(.*?))?\s*$/;

/**
 * Every ts/js block of a page, and the problems with its `check` comments (an unknown mode, a missing reason, a
 * comment that stands before no ts/js block).
 *
 * @example
 * extractBlocks("<!-- check: types-only — needs Redis -->\n```ts\nawait redis.ping();\n```\n", "docs/x.md").blocks
 * // => [{ file: "docs/x.md", line: 3, language: "ts", code: "await redis.ping();", mode: "types-only", … }]
 */
export function extractBlocks(markdown: string, file: string): { blocks: DocBlock[]; problems: DirectiveProblem[] } {
  const lines = markdown.split("\n");
  const blocks: DocBlock[] = [];
  const problems: DirectiveProblem[] = [];
  let pending: { line: number; mode: BlockMode; reason: string; prelude: string; endLine: number } | null = null;
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i] ?? "";
    const closed = text.trimEnd().endsWith("-->");
    const directive = DIRECTIVE.exec(closed ? text.trimEnd().slice(0, -3) : text);
    if (directive !== null) {
      if (pending !== null) problems.push({ file, line: pending.line, message: "a check comment before no ts/js block" });
      const [, mode = "", reason = ""] = directive;
      const preludeLines: string[] = [];
      let end = i;
      if (!closed) {
        for (end = i + 1; end < lines.length && !(lines[end] ?? "").trim().startsWith("-->"); end++) {
          preludeLines.push(lines[end] ?? "");
        }
      }
      if (!MODES.includes(mode as BlockMode)) {
        problems.push({ file, line: i + 1, message: `unknown check mode "${mode}" (run, types-only or skip)` });
      } else if (mode !== "run" && reason === "") {
        problems.push({ file, line: i + 1, message: `"check: ${mode}" needs a reason after a dash` });
      }
      pending = { line: i + 1, mode: mode as BlockMode, reason, prelude: preludeLines.join("\n"), endLine: end };
      i = end;
      continue;
    }
    const fence = OPENING_FENCE.exec(text);
    if (fence === null) continue;
    const [, indent = "", marker = "", info = ""] = fence;
    const close = closingLine(lines, i + 1, indent, marker);
    const language = LANGUAGES[info.toLowerCase()];
    const directiveApplies = pending !== null && pending.endLine === i - 1;
    if (language !== undefined) {
      const code = lines.slice(i + 1, close).map((line) => (line.startsWith(indent) ? line.slice(indent.length) : line));
      const given = directiveApplies ? pending : null;
      blocks.push({
        file,
        line: i + 2,
        language,
        code: code.join("\n"),
        mode: given?.mode ?? "run",
        reason: given?.reason ?? "",
        prelude: given?.prelude ?? "",
      });
    }
    if (pending !== null && (language === undefined || !directiveApplies)) {
      problems.push({ file, line: pending.line, message: "a check comment must stand on the line right before a ts/js fence" });
    }
    pending = null;
    i = close;
  }
  if (pending !== null) problems.push({ file, line: pending.line, message: "a check comment before no ts/js block" });
  return { blocks, problems };
}

function closingLine(lines: readonly string[], from: number, indent: string, marker: string): number {
  for (let i = from; i < lines.length; i++) {
    const text = lines[i] ?? "";
    if (text.startsWith(indent) && text.trim().startsWith(marker) && /^(`+|~+)\s*$/.test(text.trim())) return i;
  }
  return lines.length;
}
