import type { Pattern } from "./pattern.js";

const NOTHING: Pattern = { type: "alt", items: [] };
const EMPTY: Pattern = { type: "seq", items: [] };

/**
 * The matches of `pattern` that read at least one code unit: what `(?=[^])` before it keeps, in a language without
 * look-ahead. Exact with assertions too: a part that matches nothing but assertions keeps them (`zeroWidth`). Grows
 * with the number of parts that can match nothing: a sequence of n such parts becomes n alternatives.
 *
 * @example
 * // `a?` → `a`
 * nonEmpty({ type: "repeat", item: { type: "chars", ranges: [0x61, 0x61] }, min: 0, max: 1 })
 * // => { type: "chars", ranges: [0x61, 0x61] }
 */
export function nonEmpty(pattern: Pattern): Pattern {
  switch (pattern.type) {
    case "chars":
      return pattern;
    case "assert":
      return NOTHING;
    case "alt":
      return alt(pattern.items.map(nonEmpty));
    case "seq": {
      const [first, ...rest] = pattern.items;
      if (first === undefined) return NOTHING;
      // The first part reads something, or it reads nothing (its assertions still hold there) and the rest does.
      return alt([seq([nonEmpty(first), ...rest]), seq([zeroWidth(first), nonEmpty(seq(rest))])]);
    }
    case "repeat": {
      const { item, min, max } = pattern;
      if (max === 0) return NOTHING;
      // The first round that reads something, after rounds that read nothing (their assertions hold at one place, so
      // one of them says as much as several), then the rounds left.
      const first = seq([nonEmpty(item), times(item, Math.max(0, min - 1), max - 1)]);
      if (max < 2) return first;
      return alt([first, seq([zeroWidth(item), nonEmpty(item), times(item, 0, max - 2)])]);
    }
  }
}

/**
 * The matches of `pattern` that read nothing, as the assertions they need: nothing at all (no alternative) when
 * every match reads something, the empty sequence when one needs no assertion.
 *
 * @example
 * zeroWidth({ type: "chars", ranges: [0x61, 0x61] }) // => { type: "alt", items: [] }
 */
export function zeroWidth(pattern: Pattern): Pattern {
  switch (pattern.type) {
    case "chars":
      return NOTHING;
    case "assert":
      return pattern;
    case "alt":
      return alt(pattern.items.map(zeroWidth));
    case "seq":
      return seq(pattern.items.map(zeroWidth));
    case "repeat":
      // Rounds that read nothing stand at one place, where one round says as much as several.
      return pattern.min === 0 ? EMPTY : zeroWidth(pattern.item);
  }
}

/** Whether `pattern` can match without reading anything (its assertions aside). */
export function nullable(pattern: Pattern): boolean {
  return !isNothing(zeroWidth(pattern));
}

const times = (item: Pattern, min: number, max: number): Pattern => (max === 0 ? EMPTY : { type: "repeat", item, min, max });

const isNothing = (p: Pattern): boolean => p.type === "alt" && p.items.length === 0;

function seq(items: Pattern[]): Pattern {
  if (items.some(isNothing)) return NOTHING;
  const kept = items.filter((item) => !(item.type === "seq" && item.items.length === 0));
  return kept.length === 1 ? (kept[0] as Pattern) : { type: "seq", items: kept };
}

function alt(items: Pattern[]): Pattern {
  const kept = items.filter((item) => !isNothing(item));
  return kept.length === 1 ? (kept[0] as Pattern) : { type: "alt", items: kept };
}
