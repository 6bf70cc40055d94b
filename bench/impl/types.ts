import type { Invitation, Visitor } from "../../src/index.js";

/** One decision: the winning invitation's id, or `null` when none is eligible. */
export type Decide = (visitor: Visitor, now: number) => string | null;
export type DecideAsync = (visitor: Visitor, now: number) => Promise<string | null>;

/** A competitor: builds its structures from an invitation set once, then decides per visitor. */
export type Implementation =
  | { name: string; kind: "sync"; build(invitations: Invitation[]): Decide }
  | { name: string; kind: "async"; build(invitations: Invitation[]): DecideAsync };
