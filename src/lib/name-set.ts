/** A set of names as evaluation reads it: membership, and a size that is 0 exactly when there are none. */
export type NameSet = Pick<ReadonlySet<string>, "has" | "size">;
