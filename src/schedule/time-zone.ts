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

let canonical: ReadonlySet<string> | undefined;

/**
 * Formatting in a zone is the sure test, but the first formatter a process builds loads the runtime's locale data
 * (≈ 10 ms, most of a cold start's validation). The runtime's list of canonical zone names answers for the names
 * people write and costs ≈ 1 ms; anything else (aliases such as `US/Eastern`, other spellings) is still formatted.
 */
function probe(timeZone: string): boolean {
  if (timeZone === "UTC") return true;
  canonical ??= new Set(typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : []);
  if (canonical.has(timeZone)) return true;
  if (timeZone.trim() === "") return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}
