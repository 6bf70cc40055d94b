/** See const-bindings.mjs: the rewritten text, where it grew ([offset, characters added]) and how many edits. */
export function constBindings(text: string): { text: string; grew: [number, number][]; changed: number };
/** A source map's `mappings` with generated columns moved right where the text grew. */
export function shiftMappings(mappings: string, text: string, grew: readonly [number, number][]): string;
/** One number of a source map's `mappings`, in base64 VLQ. */
export function encodeValue(value: number): string;
