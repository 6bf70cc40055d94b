import { writeFile } from "node:fs/promises";
import { invitationsJsonSchema } from "../schema/index.js";
import { EXIT, InputError, type CliIo } from "./io.js";

/** The schema as `beckon schema` prints it and as beckon/schema.json holds it: two-space JSON, a final newline. */
export function schemaText(): string {
  return `${JSON.stringify(invitationsJsonSchema, null, 2)}\n`;
}

/**
 * `beckon schema [--out <file>]`: the JSON Schema (draft 2020-12) of an invitations file, on standard output or
 * into a file (nothing is printed then). Exit code 0, or 1 when the file cannot be written.
 *
 * @example
 * await schemaCommand(io, { out: "invitations.schema.json" }) // => 0
 */
export async function schemaCommand(io: CliIo, options: { out?: string }): Promise<number> {
  if (options.out === undefined) {
    io.out(schemaText());
    return EXIT.ok;
  }
  try {
    await writeFile(options.out, schemaText());
  } catch (error) {
    throw new InputError(`${options.out}: cannot be written (${(error as Error).message})`);
  }
  return EXIT.ok;
}
