import type { ConversionRecord } from "../types.js";

/**
 * Index of the newest record that `matches`: the largest `sentAt`, and on a tie the one later in the array (it was
 * appended later). -1 when none matches. Shared by `markConversion` and `recordConversion` so both agree on "newest".
 *
 * @example
 * conversionNewestIndex([{ sentAt: 5, … }, { sentAt: 9, … }, { sentAt: 9, … }], () => true) // => 2
 */
export function conversionNewestIndex(
  records: readonly ConversionRecord[],
  matches: (record: ConversionRecord) => boolean,
): number {
  let newest = -1;
  let newestSentAt = 0;
  records.forEach((record, index) => {
    // `!(a < b)` rather than `a >= b`: a record with a non-numeric `sentAt` still counts, as the later one.
    if (matches(record) && (newest < 0 || !(record.sentAt < newestSentAt))) {
      newest = index;
      newestSentAt = record.sentAt;
    }
  });
  return newest;
}
