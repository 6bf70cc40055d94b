const known = new Map<string, boolean>();

/**
 * Tells whether `timeZone` is an IANA time zone name this runtime knows (`"Europe/Vilnius"`, `"UTC"`).
 *
 * @example
 * isValidTimeZone("Europe/Vilnius") // => true
 * isValidTimeZone("Mars/Olympus")   // => false
 */
export function isValidTimeZone(timeZone: string): boolean {
  let valid = known.get(timeZone);
  if (valid === undefined) {
    valid = probe(timeZone);
    known.set(timeZone, valid);
  }
  return valid;
}

function probe(timeZone: string): boolean {
  if (timeZone.trim() === "") return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}
