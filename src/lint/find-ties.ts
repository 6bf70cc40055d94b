import type { CompiledInvitation } from "../compile/compile-invitation.js";
import { finding, type LintFinding } from "./lint-codes.js";

/** How many of the invitations it ties with a finding names. */
const NAMED = 3;

/**
 * Finds invitations that tie on rank with another of the same kind (equal position and equal time on site) that may
 * be eligible at the same time: between them, the visitor's hash decides (docs/semantics.md: Selection), so which one a visitor
 * gets looks random. Two invitations are left out when they can never be eligible together: different languages or
 * identifiers, no device or department in common, URL lists naming different hosts only, or dynamic triggers of
 * different types, and those lint already proved are never shown (`neverShown`, by index). Often intended (an even
 * split); an `info` finding.
 *
 * @example
 * findTies([compiled({ id: "a", position: 1 }), compiled({ id: "b", position: 1 })])
 * // => two findings, "ties with "b" …" at [0] and "ties with "a" …" at [1]
 */
export function findTies(invitations: readonly CompiledInvitation[], neverShown: ReadonlySet<number> = new Set()): LintFinding[] {
  const groups = new Map<string, number[]>();
  invitations.forEach((c, i) => {
    if (!c.enabled || c.kind === "inject" || neverShown.has(i)) return;
    const key = `${c.kind} ${c.position} ${c.timeOnSite}`;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [i]);
    else group.push(i);
  });
  const partners = new Map<number, number[]>();
  for (const group of groups.values()) {
    for (let x = 0; x < group.length; x++) {
      for (let y = x + 1; y < group.length; y++) {
        const [i, j] = [group[x] as number, group[y] as number];
        if (disjoint(invitations[i] as CompiledInvitation, invitations[j] as CompiledInvitation)) continue;
        add(partners, i, j);
        add(partners, j, i);
      }
    }
  }
  return [...partners.entries()]
    .sort(([i], [j]) => i - j)
    .map(([i, others]) => finding("tie_settled_by_hash", [i], tieMessage(invitations[i] as CompiledInvitation, others.map((j) => (invitations[j] as CompiledInvitation).id))));
}

function add(partners: Map<number, number[]>, i: number, j: number): void {
  const list = partners.get(i);
  if (list === undefined) partners.set(i, [j]);
  else list.push(j);
}

/** Whether no visitor can meet both invitations' conditions in one call, by a cheap conservative test. */
function disjoint(a: CompiledInvitation, b: CompiledInvitation): boolean {
  return (
    differ(a.language, b.language) ||
    differ(a.identifier, b.identifier) ||
    noCommon(a.devices, b.devices) ||
    noCommon(a.departments, b.departments) ||
    noCommon(hosts(a), hosts(b)) ||
    (a.trigger !== undefined && b.trigger !== undefined && a.trigger.type !== b.trigger.type)
  );
}

function differ(a: string, b: string): boolean {
  return a !== "" && b !== "" && a !== b;
}

function hosts(c: CompiledInvitation): ReadonlySet<string> | null {
  const list = c.urls?.hosts ?? null;
  return list === null ? null : new Set(list);
}

function noCommon<T>(a: ReadonlySet<T> | null, b: ReadonlySet<T> | null): boolean {
  if (a === null || b === null) return false;
  for (const value of a) if (b.has(value)) return false;
  return true;
}

function tieMessage(c: CompiledInvitation, others: string[]): string {
  const named = others.slice(0, NAMED).map((id) => `"${id}"`).join(", ");
  const more = others.length > NAMED ? ` and ${others.length - NAMED} more` : "";
  return (
    `ties with ${named}${more} (position ${c.position}, time on site ${c.timeOnSite} s): when both are eligible, the ` +
    "visitor's hash decides which one is shown; give them different positions if one should win"
  );
}
