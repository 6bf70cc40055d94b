import type { AttributeCondition, RelativeTime } from "../types.js";
import type { DesignData } from "./design-data.js";
import { evaluateArithmetic, isCleanNumber, phpNumber } from "./php-number.js";

/** LHC's attribute slots: `attrf_key_1` … `attrf_key_10`. */
export const ATTRIBUTE_SLOTS = 10;

/** What the slots of one invitation become; `never` when a slot can never pass in LHC (the invitation never shows). */
export interface MappedAttributes {
  attributes: AttributeCondition[];
  never: boolean;
}

const TIME = /^\s*\{time\}(.*)$/s;
const LIKE_SYNTAX = /[${}/]|\[params/;

/**
 * Maps the `attrf_key_i` / `attrf_cond_i` / `attrf_val_i` slots of `design_data` onto beckon attribute conditions
 * (docs/migrating-from-lhc.md, field mapping), reporting whatever reads differently.
 *
 * @example
 * mapAttributes(data) // attrf_key_1 = "plan", attrf_cond_1 = "eq", attrf_val_1 = "gold||silver"
 * // => { attributes: [{ key: "plan", op: "eq", value: ["gold", "silver"] }], never: false }
 */
export function mapAttributes(data: DesignData): MappedAttributes {
  const attributes: AttributeCondition[] = [];
  let never = false;
  for (let i = 1; i <= ATTRIBUTE_SLOTS; i++) {
    const key = data.text(`attrf_key_${i}`);
    const op = data.text(`attrf_cond_${i}`);
    const value = data.text(`attrf_val_${i}`);
    const mathCond = data.on(`attrf_cond_math_${i}`);
    const mathVal = data.on(`attrf_val_math_${i}`);
    if (key === "") continue;
    if (mathVal) {
      const message = "LHC's admin form stores this flag as 1, which LHC never honours; beckon cannot do arithmetic on the visitor's value either: ignored";
      data.difference("arithmetic_ignored", `attrf_val_math_${i}`, message);
    }
    const condition = mapSlot(data, i, key, op, value, mathCond);
    if (condition === "never") never = true;
    else attributes.push(condition);
  }
  return { attributes, never };
}

function mapSlot(data: DesignData, i: number, key: string, op: string, value: string, mathCond: boolean): AttributeCondition | "never" {
  const column = `attrf_cond_${i}`;
  switch (op) {
    case "":
      data.lossy("missing_operator", column, `slot ${i} (key ${JSON.stringify(key)}) has no operator, so LHC never lets it pass: the invitation is imported disabled`);
      return "never";
    case "eq":
    case "neq":
      return { key, op, value: listValue(data, i, value) };
    case "gt":
    case "gte":
    case "lt":
    case "lte":
      return { key, op, value: comparable(data, i, value, mathCond) };
    case "contains":
      return { key, op: "contains", value: literal(data, i, value).trim() };
    case "in_list":
    case "in_list_lowercase":
    case "not_in_list":
    case "not_in_list_lowercase":
      return { key, op: op.startsWith("in") ? "in" : "notIn", value: pieces(data, i, literal(data, i, value).trim()) };
    case "like":
    case "notlike":
      return { key, op: op === "like" ? "like" : "notLike", value: likeValue(data, i, literal(data, i, value).trim()) };
    default: {
      const message = `unknown operator ${JSON.stringify(op)}: LHC lets such a slot pass whenever the key is set, so it is imported as { op: "exists" }`;
      data.lossy("unknown_operator", column, message);
      return { key, op: "exists" };
    }
  }
}

/** `eq`/`neq` compare with the `||` pieces, which LHC neither trims nor `{time}`-substitutes. */
function listValue(data: DesignData, i: number, value: string): string | string[] {
  const list = pieces(data, i, value);
  return list.length === 1 ? (list[0] as string) : list;
}

function pieces(data: DesignData, i: number, value: string): string[] {
  const list = value.split("||");
  if (list.some((piece) => piece !== piece.trim())) {
    const message = `${JSON.stringify(value)}: LHC compares the ||-separated values untrimmed (one with spaces around it never matches); beckon trims them`;
    data.difference("untrimmed_list", `attrf_val_${i}`, message);
  }
  return list;
}

/** LHC substitutes `{time}` only where the value is read as a number; elsewhere it is kept as written. */
function literal(data: DesignData, i: number, value: string): string {
  if (value.includes("{time}")) {
    const message = `${JSON.stringify(value)}: {time} is only carried over in gt/gte/lt/lte conditions; kept as literal text here`;
    data.lossy("time_not_numeric", `attrf_val_${i}`, message);
  }
  return value;
}

function comparable(data: DesignData, i: number, value: string, math: boolean): number | RelativeTime {
  const column = `attrf_val_${i}`;
  const time = TIME.exec(value);
  if (time !== null) {
    const rest = (time[1] as string).trim();
    if (rest === "") return { now: 0 };
    const offset = evaluateArithmetic(`0${rest}`);
    if (math && offset !== null) {
      const message = `${JSON.stringify(value)} becomes { now: ${offset} }: LHC ignores its arithmetic flag as the admin form stores it and compares with {time} alone`;
      data.difference("arithmetic_applied", column, message);
      return { now: offset };
    }
    const message = `${JSON.stringify(value)}: without the arithmetic flag LHC reads only {time}, so this is { now: 0 }`;
    data.difference("arithmetic_ignored", column, message);
    return { now: 0 };
  }
  const evaluated = math ? evaluateArithmetic(value) : null;
  if (evaluated !== null && !isCleanNumber(value)) {
    const message = `${JSON.stringify(value)} becomes ${round(evaluated)}: LHC ignores its arithmetic flag as the admin form stores it`;
    data.difference("arithmetic_applied", column, message);
    return round(evaluated);
  }
  const number = round(phpNumber(value));
  if (!isCleanNumber(value)) {
    data.difference("numeric_prefix", column, `${JSON.stringify(value)} is read as ${number}, as LHC reads it`);
  }
  return number;
}

function likeValue(data: DesignData, i: number, value: string): string {
  if (LIKE_SYNTAX.test(value)) {
    const message = `${JSON.stringify(value)}: LHC's typo allowances ($, {n}), /regex/ alternatives and [params] are read as plain words in beckon`;
    data.lossy("like_syntax", `attrf_val_${i}`, message);
  }
  return value;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
