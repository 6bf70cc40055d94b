import { formatPath, type ConfigIssue } from "../config/config-error.js";
import { decodeUtf8 } from "./decode-utf8.js";
import { InputError, type CliIo } from "./io.js";

/**
 * Reads a JSON file (`-`: standard input) for a command, naming the file in every failure: missing, unreadable, not
 * UTF-8 (`decodeUtf8`), or not JSON (with the parser's reason).
 *
 * @example
 * await readJson(io, "invitations.json") // => [{ id: "pricing", … }]
 */
export async function readJson(io: CliIo, path: string): Promise<unknown> {
  let bytes: Uint8Array;
  try {
    bytes = await io.readBytes(path);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const why = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "a directory, not a file" : (error as Error).message;
    throw new InputError(`${label(path)}: cannot be read (${why})`);
  }
  const text = decodeUtf8(bytes, label(path));
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new InputError(`${label(path)}: not JSON (${(error as Error).message})`);
  }
}

/** How a file is named in messages: standard input has no name. */
export function label(path: string): string {
  return path === "-" ? "standard input" : path;
}

/**
 * A file's problems as lines for standard error: the file, the path, the message and the code.
 *
 * @example
 * issueLines("ana.json", [{ code: "invalid_type", path: ["id"], message: "expected a string" }])
 * // => ["ana.json id: expected a string (invalid_type)"]
 */
export function issueLines(path: string, issues: readonly ConfigIssue[]): string[] {
  return issues.map((issue) => `${label(path)} ${formatPath(issue.path)}: ${issue.message} (${issue.code})`);
}
