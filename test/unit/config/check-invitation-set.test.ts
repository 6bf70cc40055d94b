import { describe, expect, it } from "vitest";
import { checkInvitationSet } from "../../../src/config/check-invitation-set.js";

const codes = (issues: readonly { code: string; path: readonly (string | number)[] }[]): unknown[] => issues.map((issue) => [issue.code, issue.path]);

describe("checkInvitationSet", () => {
  it("reports an id used by an earlier invitation", () => {
    const set = [{ id: "a", message: "x" }, { id: "b", message: "y" }, { id: "a", message: "z" }];
    expect(codes(checkInvitationSet(set))).toEqual([["duplicate_id", [2, "id"]]]);
  });

  it("finds no repeat in ids that are those of a checked list", () => {
    const checked = [{ id: "a" }, { id: "b" }];
    expect(checkInvitationSet([{ id: "a", message: "x" }, { id: "b", message: "y" }], checked)).toEqual([]);
  });

  it("still reports repeats once the ids part from the checked list's", () => {
    const checked = [{ id: "a" }, { id: "b" }, { id: "c" }, { id: "d" }];
    const set = [{ id: "a", message: "w" }, { id: "b", message: "x" }, { id: "a", message: "y" }, { id: "b", message: "z" }];
    expect(codes(checkInvitationSet(set, checked))).toEqual([["duplicate_id", [2, "id"]], ["duplicate_id", [3, "id"]]]);
  });

  it("counts the checked ids before a hole or an item that is no invitation", () => {
    const checked = [{ id: "a" }, { id: "b" }, { id: "c" }];
    const set = [{ id: "a", message: "x" }, , "nothing", { id: "a", message: "y" }];
    expect(codes(checkInvitationSet(set, checked))).toEqual([["duplicate_id", [3, "id"]]]);
  });

  it("checks a longer input than the checked list in full", () => {
    const set = [{ id: "a", message: "x" }, { id: "a", message: "y" }];
    expect(codes(checkInvitationSet(set, [{ id: "a" }]))).toEqual([["duplicate_id", [1, "id"]]]);
  });
});
