import { isNoScript, luaScript } from "./lua-script.js";
import type { RedisCall } from "./redis-call.js";
import { sameText } from "./same-text.js";
import type { VisitorSync, VisitorTag } from "../storage/types.js";
import type { Confirmer, SyncTarget } from "./sync-visitor.js";

/** The most confirmations one command carries (its answer is a bitmask: it must stay a whole number below 2^53). */
export const CONFIRMATIONS_PER_COMMAND = 32;

// KEYS: the visitors' records; ARGV: the commit id each confirmation expects, in the same order. Answers a whole number
// whose bit i - 1 is set when KEYS[i]'s commit id is ARGV[i], byte for byte. A key that cannot be read (another type
// than a hash) leaves its bit clear: its own confirmation then reads the record and reports it, and the others in the
// command are not failed by it.
const SCRIPT = luaScript(`
local held, bit = 0, 1
for i = 1, #KEYS do
  local stored = redis.pcall("HGET", KEYS[i], "commit")
  if stored == ARGV[i] then held = held + bit end
  bit = bit * 2
end
return held
`);

/** One confirmation waiting for its turn's command: the sync it belongs to and how its answer is given. */
class Waiting {
  resolve!: (answer: VisitorSync | Promise<VisitorSync>) => void;
  private rejectWith!: (error: unknown) => void;
  readonly answer: Promise<VisitorSync>;

  constructor(
    readonly target: SyncTarget,
    readonly visitorId: string,
    readonly expected: VisitorTag,
    readonly commit: string,
  ) {
    this.answer = new Promise<VisitorSync>((resolve, reject) => {
      this.resolve = resolve;
      this.rejectWith = reject;
    });
  }

  /** The confirmation failed (its command, or its deadline): its call names the error. */
  reject(error: unknown): void {
    try {
      this.target.call.fail(error);
    } catch (named) {
      this.rejectWith(named);
    }
  }
}

/** Reads the record of a confirmation whose tag did not hold; answers the sync (see `movedOn`). */
export type MovedOn = (target: SyncTarget, visitorId: string) => Promise<VisitorSync>;

/**
 * Gathers the confirmations of one turn of the event loop (a sync with a tag holding a commit id, and no record) and
 * sends them to Redis as one script call that compares every commit id (up to {@link CONFIRMATIONS_PER_COMMAND} a
 * command), instead of an HGET each. A server answering many visitors at once confirms most of their calls, and each
 * command costs this process far more than the few bytes it names: its object, promise, protocol text, reply and
 * per-command-name look-ups. A confirmation alone in its turn is still an HGET (a plain command, which Redis runs for
 * a tenth of a script's work). Each confirmation keeps its own deadline and its own answer: one whose tag did not
 * hold reads the record with `movedOn`; a failed command fails every confirmation it carried, each named by its own
 * call. One server only: on Redis Cluster a script's keys must share a slot, and visitors are spread over many.
 *
 * @example
 * const batches = new ConfirmBatches(movedOn);
 * batches.confirm(target, "v1", { version: 3, commit: "…" }) // => Promise of { ok: true, tag } or the stored record
 */
export class ConfirmBatches implements Confirmer {
  private waiting: Waiting[] = [];
  private readonly flush = (): void => this.send();

  constructor(private readonly movedOn: MovedOn) {}

  /** Confirms `expected` (which holds a commit id) for the visitor in `target`; ends `target.call`. */
  confirm(target: SyncTarget, visitorId: string, expected: VisitorTag & { commit: string }): Promise<VisitorSync> {
    const waiting = new Waiting(target, visitorId, expected, expected.commit);
    target.call.join(waiting);
    if (this.waiting.push(waiting) === 1) process.nextTick(this.flush);
    else if (this.waiting.length === CONFIRMATIONS_PER_COMMAND) this.send();
    return waiting.answer;
  }

  /**
   * Sends what waits: one HGET for a confirmation alone, else the script. Called at the end of the turn, or earlier
   * by whoever writes the turn's commands (so that they leave together).
   */
  send(): void {
    const batch = this.waiting;
    if (batch.length === 0) return;
    this.waiting = [];
    const first = batch[0] as Waiting;
    if (batch.length === 1) {
      first.target.call.send<Buffer | null>("hget", [first.target.keys.record, "commit"], null).then(
        (stored) => this.answer(first, stored !== null && sameText(stored, first.commit)),
        (error: unknown) => first.reject(error),
      );
      return;
    }
    const list = [SCRIPT.sha, String(batch.length)];
    for (const waiting of batch) list.push(waiting.target.keys.record);
    for (const waiting of batch) list.push(waiting.commit);
    const failed = (error: unknown): void => {
      for (const waiting of batch) waiting.reject(error);
    };
    const answered = (held: number): void => {
      let bit = 1;
      for (const waiting of batch) {
        this.answer(waiting, (held & bit) !== 0);
        bit *= 2;
      }
    };
    // The first call sends for all (its deadline is also watched on its own): any client connection serves one server.
    const { call } = first.target;
    call
      .sendShared<number>("evalsha", list)
      .then(answered, (error: unknown) =>
        isNoScript(error) ? call.sendShared<number>("eval", [SCRIPT.source, ...list.slice(1)]).then(answered, failed) : failed(error),
      );
  }

  private answer(waiting: Waiting, held: boolean): void {
    // A call whose deadline passed has failed already.
    if (!waiting.target.call.running) return;
    if (held) {
      waiting.target.call.done();
      waiting.resolve({ ok: true, tag: waiting.expected });
    } else {
      waiting.resolve(this.movedOn(waiting.target, waiting.visitorId));
    }
  }
}
