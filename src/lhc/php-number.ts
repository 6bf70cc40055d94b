const PREFIX = /^[ \t\n\r\v\f]*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/;
const CLEAN = /^\s*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?\s*$/;

/**
 * PHP's numeric-prefix conversion of a text to a float, as LHC's `gt/gte/lt/lte` read both sides: leading white
 * space, sign, digits, fraction, exponent; parsing stops at anything else; no numeric prefix gives 0.
 *
 * @example
 * phpNumber("12abc") // => 12
 * phpNumber("1,5")   // => 1
 * phpNumber("abc")   // => 0
 */
export function phpNumber(text: string): number {
  const match = PREFIX.exec(text);
  const value = match === null ? 0 : Number(match[0].trim());
  return Number.isFinite(value) ? value : 0;
}

/**
 * Whether the whole text is one decimal literal, so the prefix conversion reads all of it.
 *
 * @example
 * isCleanNumber(" 1.5e3 ") // => true
 * isCleanNumber("3 visits") // => false
 */
export function isCleanNumber(text: string): boolean {
  return CLEAN.test(text);
}

/**
 * Evaluates the arithmetic LHC's "evaluate arithmetic" flag allows: digits, `.`, `+ - * /` and parentheses, white
 * space ignored. `null` for anything else or a result that is not a finite number.
 *
 * @example
 * evaluateArithmetic("-(3*24*3600)") // => -259200
 * evaluateArithmetic("2**3")         // => null
 */
export function evaluateArithmetic(text: string): number | null {
  const source = text.replace(/\s+/g, "");
  if (source === "" || !/^[\d.+\-*/()]+$/.test(source) || source.length > 200) return null;
  let at = 0;
  const peek = (): string => source[at] ?? "";
  const fail = (): never => {
    throw new SyntaxError("arithmetic");
  };
  const sum = (depth: number): number => {
    let value = product(depth);
    while (peek() === "+" || peek() === "-") value = source[at++] === "+" ? value + product(depth) : value - product(depth);
    return value;
  };
  const product = (depth: number): number => {
    let value = unary(depth);
    while (peek() === "*" || peek() === "/") value = source[at++] === "*" ? value * unary(depth) : value / unary(depth);
    return value;
  };
  const unary = (depth: number): number => {
    if (depth > 50) fail();
    if (peek() === "-") return (at++, -unary(depth + 1));
    if (peek() === "+") return (at++, unary(depth + 1));
    if (peek() === "(") {
      at++;
      const value = sum(depth + 1);
      if (peek() !== ")") fail();
      at++;
      return value;
    }
    const match = /^(?:\d+(?:\.\d*)?|\.\d+)/.exec(source.slice(at));
    if (match === null) return fail();
    at += match[0].length;
    return Number(match[0]);
  };
  try {
    const value = sum(0);
    return at === source.length && Number.isFinite(value) ? value : null;
  } catch {
    return null;
  }
}
