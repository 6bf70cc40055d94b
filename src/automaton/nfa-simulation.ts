// What the lazy DFA hands a call over to: bitSimulation implements it, and the plain simulation in
// test/property/oracles/simulate-nfa.ts is its reference.
/** A plain NFA simulation, and where it stands when it stops before the input's end. */
export interface NfaSimulation {
  /**
   * Reads `input[from, to)` starting from the states `kernel[0..length)` with `before` the context before
   * `input[from]`. Returns `true` once the answer is yes whatever follows (search mode: a match has ended; otherwise:
   * a state that accepts every rest was reached), `false` once it is no, or `null` when it reached `to` undecided:
   * the states are then `states[0..length)` and the context `before`.
   */
  run(input: string, from: number, to: number, kernel: Int32Array, length: number, before: number): boolean | null;
  /** After `run` returned `null` at the input's end: whether the input matches. */
  acceptsAtEnd(): boolean;
  states: Int32Array;
  length: number;
  before: number;
}
