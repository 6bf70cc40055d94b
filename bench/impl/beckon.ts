/**
 * beckon itself, through its public API. "compiled" evaluates a ruleset from `compile`; "uncompiled" passes the
 * plain array, which beckon validates and compiles on first use and caches per array — so after the first call
 * (made here in `build`) it measures the cached path, not a compile per call.
 */
import { compile, evaluate } from "../../src/index.js";
import type { Implementation } from "./types.js";

export const beckonCompiled: Implementation = {
  name: "beckon compiled",
  kind: "sync",
  build(invitations) {
    const ruleset = compile(invitations);
    return (visitor, now) => evaluate(ruleset, visitor, now).invitation?.id ?? null;
  },
};

export const beckonUncompiled: Implementation = {
  name: "beckon uncompiled",
  kind: "sync",
  build(invitations) {
    const plain = [...invitations];
    evaluate(plain, { id: "warm-up" }, 0); // compiles and caches the array, as a server's first call would
    return (visitor, now) => evaluate(plain, visitor, now).invitation?.id ?? null;
  },
};
