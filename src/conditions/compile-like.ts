import { likeTrie, type LikeTrie } from "./like-trie.js";
import { likeWords } from "./like-words.js";

/** One word of a `like` alternative; `*` at its start or end allows any prefix or suffix. */
export interface LikeWord {
  readonly core: string;
  readonly anyPrefix: boolean;
  readonly anySuffix: boolean;
}

/**
 * How a text is searched for every word at once. Each distinct word has an id; `groups` repeats the value's shape
 * with ids. A text word is looked up in `exact`, walked from its start through `prefixes` (`help*`), from its end
 * through `suffixes` (`*desk`, cores reversed) and searched by `infixes` (`*elp*`, an Aho–Corasick automaton).
 */
export interface LikePlan {
  readonly groups: readonly (readonly (readonly number[])[])[];
  readonly wordCount: number;
  readonly exact: ReadonlyMap<string, number>;
  readonly prefixes: LikeTrie;
  readonly suffixes: LikeTrie;
  readonly infixes: LikeTrie;
}

/** A compiled `like` value: every group must match; a group matches when any of its alternatives does. */
export interface LikeMatcher {
  /** Groups (`&&`) → alternatives (`,`) → words that must occur consecutively. Empty: matches nothing. */
  readonly groups: readonly (readonly (readonly LikeWord[])[])[];
  readonly plan: LikePlan;
}

/**
 * Compiles a `like` / `notLike` value (docs/semantics.md: Attribute conditions) once: split on `&&` into groups that must all match, each split on
 * `,` into alternatives of which any may match; an alternative is one or more words that must occur consecutively as
 * whole words. Alternatives and groups without words are ignored, and a value without any word matches nothing.
 * Only a leading or trailing `*` is a wildcard; LHC's typo syntax (`$`, `{n}`) and `/regex/` alternatives are not
 * supported and read as text. The words also go into lookup structures, so matching reads a text once.
 *
 * @example
 * const matcher = compileLike("help*, live chat && price");
 * matchLike(matcher, "Helpdesk: what is the price?") // => true
 */
export function compileLike(value: string): LikeMatcher {
  const groups = value
    .split("&&")
    .map((group) => group.split(",").map(compileAlternative).filter((words) => words.length > 0))
    .filter((alternatives) => alternatives.length > 0);
  return { groups, plan: plan(groups) };
}

function compileAlternative(alternative: string): LikeWord[] {
  return likeWords(alternative).map(compileWord);
}

function compileWord(word: string): LikeWord {
  const anyPrefix = word.startsWith("*");
  const anySuffix = word.endsWith("*");
  let start = 0;
  let end = word.length;
  while (start < end && word[start] === "*") start += 1;
  while (end > start && word[end - 1] === "*") end -= 1;
  return { core: word.slice(start, end), anyPrefix, anySuffix };
}

function plan(groups: readonly (readonly (readonly LikeWord[])[])[]): LikePlan {
  const idOf = new Map<string, number>();
  const kinds: [exact: [string, number][], prefixes: [string, number][], suffixes: [string, number][], infixes: [string, number][]] =
    [[], [], [], []];
  const idGroups = groups.map((alternatives) =>
    alternatives.map((words) =>
      words.map((word) => {
        const kind = (word.anyPrefix ? 2 : 0) + (word.anySuffix ? 1 : 0); // exact, prefix…*, *…suffix, *infix*
        const key = `${kind}:${word.core}`;
        let id = idOf.get(key);
        if (id === undefined) {
          id = idOf.size;
          idOf.set(key, id);
          kinds[kind]?.push([kind === 2 ? word.core.split("").reverse().join("") : word.core, id]); // code units
        }
        return id;
      }),
    ),
  );
  const [exact, prefixes, suffixes, infixes] = kinds;
  return {
    groups: idGroups,
    wordCount: idOf.size,
    exact: new Map(exact),
    prefixes: likeTrie(prefixes, false),
    suffixes: likeTrie(suffixes, false),
    infixes: likeTrie(infixes, true),
  };
}
