import { isNoScript, luaScript } from "./lua-script.js";
import { recordKeys } from "./redis-keys.js";
import { sameText } from "./same-text.js";
import type { VisitorSync, VisitorTag } from "../storage/types.js";
import type { Confirmer, SyncTarget } from "./sync-visitor.js";

/** The most confirmations one command carries (its answer holds a bit for each in a 32-bit mask). */
export const CONFIRMATIONS_PER_COMMAND = 32;

// ARGV[1]: how many confirmations; then what each expects: "c" and the commit id its record must hold, "e" nothing
// stored under its record, or "l" nothing under its record nor its 0.1 key. On one server KEYS are the keys, in the
// same order (two for an "l"). On Redis Cluster the records span slots (of one node), which a script may not declare
// together: no key is declared, and the keys follow the expectations in ARGV. Answers {held, unreadable}: whole
// numbers whose bit i - 1 is set when the i-th expectation holds (a commit id compared byte for byte), and when its
// record could not be read at all — another type than a hash, or, on a cluster, a slot that moved to another node.
// Such a confirmation is sent again as a command of its own (which ioredis sends where the slot is now, and which
// reports a key of another type), so the others in the command are not failed by it.
const SCRIPT = luaScript(`
local n = tonumber(ARGV[1])
local keys, k = KEYS, 0
if #KEYS == 0 then keys = ARGV k = n + 1 end
local held, unreadable, bit = 0, 0, 1
for i = 1, n do
  local want = ARGV[1 + i]
  local kind = string.sub(want, 1, 1)
  local answer
  k = k + 1
  if kind == "c" then
    answer = redis.pcall("HGET", keys[k], "commit")
    if answer == string.sub(want, 2) then held = held + bit end
  else
    if kind == "l" then
      k = k + 1
      answer = redis.pcall("EXISTS", keys[k - 1], keys[k])
    else
      answer = redis.pcall("EXISTS", keys[k])
    end
    if answer == 0 then held = held + bit end
  end
  if type(answer) == "table" and answer.err then unreadable = unreadable + bit end
  bit = bit * 2
end
return {held, unreadable}
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
  ) {
    this.answer = new Promise<VisitorSync>((resolve, reject) => {
      this.resolve = resolve;
      this.rejectWith = reject;
    });
  }

  /** The confirmation failed (its command, or its deadline): its call names the error. */
  reject(error: unknown): void {
    this.rejectWith(this.target.call.failure(error));
  }
}

/** Reads the record of a confirmation whose tag did not hold; answers the sync (see `movedOn`). */
export type MovedOn = (target: SyncTarget, visitorId: string, expected: VisitorTag) => Promise<VisitorSync>;

/**
 * Gathers the confirmations of one turn of the event loop (a sync with a tag and no record: a commit id to compare, or
 * nothing stored to find still nothing) and sends them to Redis as one script call per node that checks each (up to
 * {@link CONFIRMATIONS_PER_COMMAND} a command), instead of an HGET each. A server answering many visitors at once
 * confirms most of their calls, and each command costs this process far more than the few bytes it names: its
 * object, promise, protocol text, reply and per-command-name look-ups. A confirmation alone in its turn (on its node)
 * is still an HGET or EXISTS (a plain command, which Redis runs for a tenth of a script's work). Each confirmation keeps its own
 * deadline and its own answer, the one a command of its own would give: a tag that did not hold reads the record with
 * `movedOn`, a record the script could not read is confirmed by a command of its own after all, and a failed command fails every
 * confirmation it carried, each named by its own call. On Redis Cluster (`nodeOf` given) the confirmations are
 * grouped by the master that serves their slot as the client last heard, and the command goes to the first one's
 * slot; the records name no slot of their own there (a script's declared keys must share one), so a slot that moved
 * meanwhile only costs its confirmations an HGET each.
 *
 * @example
 * const batches = new ConfirmBatches(movedOn, null);
 * batches.confirm(target, "v1", { version: 3, commit: "…" }) // => Promise of { ok: true, tag } or the stored record
 */
export class ConfirmBatches implements Confirmer {
  /** What waits on one server. */
  private waiting: Waiting[] = [];
  /** What waits on a cluster, by node; null on one server. */
  private readonly groups: Map<string, Waiting[]> | null;
  private readonly flush = (): void => this.send();

  constructor(
    private readonly movedOn: MovedOn,
    /** On Redis Cluster, the node that serves a slot now (any name, the same for the same node). */
    private readonly nodeOf: ((slot: number) => string) | null,
  ) {
    this.groups = nodeOf === null ? null : new Map();
  }

  /** Confirms `expected` for the visitor in `target`; ends `target.call`. */
  confirm(target: SyncTarget, visitorId: string, expected: VisitorTag): Promise<VisitorSync> {
    const waiting = new Waiting(target, visitorId, expected);
    target.call.join(waiting);
    if (this.groups === null) {
      const count = this.waiting.push(waiting);
      if (count === 1) process.nextTick(this.flush);
      else if (count === CONFIRMATIONS_PER_COMMAND) this.send();
      return waiting.answer;
    }
    const node = (this.nodeOf as (slot: number) => string)(target.keys.slot as number);
    const group = this.groups.get(node);
    if (group === undefined) {
      if (this.groups.size === 0) process.nextTick(this.flush);
      this.groups.set(node, [waiting]);
    } else if (group.push(waiting) === CONFIRMATIONS_PER_COMMAND) {
      this.groups.delete(node);
      this.sendGroup(group);
    }
    return waiting.answer;
  }

  /**
   * Sends what waits, a command per node. Called at the end of the turn, or earlier by whoever writes the turn's
   * commands (so that they leave together).
   */
  send(): void {
    if (this.groups === null) {
      const batch = this.waiting;
      if (batch.length === 0) return;
      this.waiting = [];
      this.sendGroup(batch);
      return;
    }
    if (this.groups.size === 0) return;
    for (const group of this.groups.values()) this.sendGroup(group);
    this.groups.clear();
  }

  /** One HGET (or EXISTS) for a confirmation alone, else the script. */
  private sendGroup(batch: Waiting[]): void {
    if (batch.length === 1) {
      this.sendAlone(batch[0] as Waiting);
      return;
    }
    const wants = [String(batch.length)];
    const keys: string[] = [];
    for (const { target, expected } of batch) {
      const { record, legacy } = target.keys;
      keys.push(record);
      if (expected.version !== 0) wants.push(`c${expected.commit as string}`);
      else if (legacy === undefined) wants.push("e");
      else {
        keys.push(legacy);
        wants.push("l");
      }
    }
    const list = this.nodeOf === null ? [SCRIPT.sha, String(keys.length), ...keys, ...wants] : [SCRIPT.sha, "0", ...wants, ...keys];
    const failed = (error: unknown): void => {
      for (const waiting of batch) waiting.reject(error);
    };
    const answered = (reply: [number, number]): void => {
      // Read by index: taking the array apart in the parameter list walks its iterator.
      const held = reply[0];
      const unreadable = reply[1];
      let bit = 1;
      for (const waiting of batch) {
        if ((unreadable & bit) !== 0) this.sendAlone(waiting);
        else this.answer(waiting, (held & bit) !== 0);
        bit *= 2;
      }
    };
    // The first call sends for all (its deadline is also watched on its own), to its slot's node.
    const { call } = (batch[0] as Waiting).target;
    call
      .sendShared<[number, number]>("evalsha", list)
      .then(answered, (error: unknown) =>
        isNoScript(error) ? call.sendShared<[number, number]>("eval", [SCRIPT.source, ...list.slice(1)]).then(answered, failed) : failed(error),
      );
  }

  /** Confirms with an HGET of the commit id, or an EXISTS of the keys, as a call of its own would. */
  private sendAlone(waiting: Waiting): void {
    const { call, keys } = waiting.target;
    if (!call.running) return;
    const { expected } = waiting;
    const failed = (error: unknown): void => waiting.reject(error);
    if (expected.version === 0) {
      call.send<number>("exists", recordKeys(keys), "utf8").then((count) => this.answer(waiting, count === 0), failed);
      return;
    }
    const commit = expected.commit as string;
    call.send<Buffer | null>("hget", [keys.record, "commit"], null).then((stored) => this.answer(waiting, stored !== null && sameText(stored, commit)), failed);
  }

  private answer(waiting: Waiting, held: boolean): void {
    // A call whose deadline passed has failed already.
    if (!waiting.target.call.running) return;
    if (held) {
      waiting.target.call.done();
      waiting.resolve({ ok: true, tag: waiting.expected });
    } else {
      waiting.resolve(this.movedOn(waiting.target, waiting.visitorId, waiting.expected));
    }
  }
}
