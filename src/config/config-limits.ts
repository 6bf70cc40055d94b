import { MAX_READ_VALUES, type ReadLimits } from "./read-plain.js";

/**
 * The most items a list inside an invitation set or a list of event definitions may hold: an invitation's
 * departments, devices, URLs, conditions, variations, operator ids, a schedule's windows, a design's arrays. The set
 * itself is bounded only by the values it holds (`MAX_READ_VALUES`). A longer list is refused (`too_big` at its path)
 * before its items are read: checking 16 384 wrong items one by one took a third of a second.
 */
export const MAX_CONFIG_LIST_LENGTH = 1_000;

/** The bounds configuration is read with: lists inside it hold at most {@link MAX_CONFIG_LIST_LENGTH} items. */
export const CONFIG_LIMITS: ReadLimits = {
  maxStringLength: Number.POSITIVE_INFINITY,
  maxListLength: MAX_CONFIG_LIST_LENGTH,
  maxRootListLength: Number.POSITIVE_INFINITY,
  maxValues: MAX_READ_VALUES,
};
