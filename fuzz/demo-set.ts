import { readFileSync } from "node:fs";
import { compile, parseInvitations, type Ruleset } from "../src/index.js";

let cached: Ruleset | undefined;

/**
 * The demo's invitation set (examples/invitations.json: URL, identifier, returning-visitor, event, birthday and
 * fallback invitations), compiled once: what a parsed visitor or state is evaluated against.
 *
 * @example
 * evaluate(demoSet(), parseVisitor(body), now)
 */
export function demoSet(): Ruleset {
  cached ??= compile(parseInvitations(JSON.parse(readFileSync(new URL("../examples/invitations.json", import.meta.url), "utf8"))));
  return cached;
}
