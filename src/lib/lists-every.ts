/**
 * `true` when `Listed` holds every member of `All`, else `false`. Written `true satisfies ListsEvery<All, Listed>`, a
 * hand-written list of names that leaves one out fails to compile: how the code's lists of fields are held to the
 * types they list (both ways: `ListsEvery<A, B> & ListsEvery<B, A>`).
 *
 * @example
 * true satisfies ListsEvery<"a" | "b", "a" | "b" | "c">; // compiles
 * true satisfies ListsEvery<"a" | "b", "a">; // does not: "b" is left out
 */
export type ListsEvery<All, Listed> = [Exclude<All, Listed>] extends [never] ? true : false;
