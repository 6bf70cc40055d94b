import { InputError, type CliIo } from "./io.js";

/**
 * Reads a JSON file (`-`: standard input) for a command, naming the file in every failure: missing, unreadable, or
 * not JSON (with the parser's reason).
 *
 * @example
 * await readJson(io, "invitations.json") // => [{ id: "pricing", … }]
 */
export async function readJson(io: CliIo, path: string): Promise<unknown> {
  let text: string;
  try {
    text = await io.readText(path);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const why = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "a directory, not a file" : (error as Error).message;
    throw new InputError(`${label(path)}: cannot be read (${why})`);
  }
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
