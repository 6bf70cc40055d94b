import { newCommitId } from "../storage/commit-id.js";
import { StorageError } from "../storage/storage-error.js";
import type { CounterIncrement, TaggedVisitor, VisitorRecord, VisitorSync, VisitorTag } from "../storage/types.js";
import { visitorRecordJson } from "../storage/visitor-record-json.js";
import { counterKey } from "../storage/counter-key.js";
import { addCountersLua } from "./add-counters-lua.js";
import { isNoScript, luaScript } from "./lua-script.js";
import type { RedisCall } from "./redis-call.js";
import { readStored } from "./read-stored.js";
import { sameNumber, sameText } from "./same-text.js";
import { recordKeys, type VisitorKeys } from "./redis-keys.js";

// ARGV[1]: "<TTL in ms> <1 when the last key is beckon 0.1's> <expected version> <new commit id> <expected commit id>",
// separated by single spaces (a new id holds none; the expected one, last, may be anything stored, even empty; the
// first two are the same for every write of an adapter, so they are joined once: `writeHead`),
// ARGV[2]: the value, then counter field / amount pairs; KEYS: the record, the counters shard when there are
// increments, the 0.1 key. One argument for the five small ones: every argument costs the client and the server a step
// to send and to take in. The record is read where the other scripts read it (its key while that holds a version, else
// the 0.1 key when anything is there), and the 0.1 key is deleted by the write that moves the record from it (deleting
// it on every write would cost each one a command for a key that is almost never there). A version that is not a whole
// number >= 1 never matches, so the record comes back and is reported by the parser. Answers: the new version (>= 1); 0
// when this very write had landed already (a resent command); else {0, version, value, commit} of the record stored
// now. A read of both keys gives "0 1 - - " (READ_ONLY): "-" is no version, and as the new commit id it is never
// taken for a resent write (the ids newCommitId makes hold a "."), so the stored record comes back whatever it holds.
// A number is the cheapest reply to take in. Everything is checked before the first write: Redis does not roll a
// script back when it fails half-way. Lua's false becomes a nil reply and keeps the table whole.
const SCRIPT = luaScript(`
local ttl, old, expected, commit, expectedCommit = string.match(ARGV[1], "^(%d+) ([01]) (%S*) (%S+) (.*)$")
if not commit then return redis.error_reply("BECKON_ARGUMENTS the write's arguments are not what this script takes") end
local legacy = old == "1" and KEYS[#KEYS] or nil
local source = KEYS[1]
local stored = redis.call("HMGET", source, "version", "commit")
if legacy and not stored[1] then
  local before = redis.call("HMGET", legacy, "version", "commit")
  if before[1] or redis.call("EXISTS", legacy) == 1 then source = legacy stored = before end
end
if stored[2] == commit and commit ~= "-" then return 0 end
local version = 0
if stored[1] then version = string.match(stored[1], "^[1-9]%d*$") and tonumber(stored[1]) or -1 end
if version == tonumber(expected) and (version == 0 or (stored[2] or "") == expectedCommit) then
  ${addCountersLua(3)}
  redis.call("HSET", KEYS[1], "version", version + 1, "value", ARGV[2], "commit", commit)
  if ttl ~= "0" then redis.call("PEXPIRE", KEYS[1], ttl) end
  if source == legacy then redis.call("DEL", legacy) end
  return version + 1
end
local now = redis.call("HMGET", source, "version", "value", "commit")
return {0, now[1], now[2], now[3]}
`);

/** The first argument of a read of both keys: it matches no version and no commit id, so nothing is written. */
const READ_ONLY = "0 1 - - ";

/**
 * What starts the first argument of every write of an adapter: its TTL and whether its visitors may have a 0.1 key.
 *
 * @example
 * writeHead(86_400_000, false) // => "86400000 0 "
 */
export function writeHead(ttlMs: number, legacy: boolean): string {
  return `${ttlMs} ${legacy ? "1" : "0"} `;
}

/** Where a visitor lives, how its writes are made, and the call (its commands and deadline) of this sync. */
export interface SyncTarget {
  keys: VisitorKeys;
  /** The TTL (0: keep the record) and the 0.1-key flag every write starts its arguments with (`writeHead`). */
  head: string;
  /** Sends the sync's commands under its deadline; the sync ends it (`done` or `fail`) in its last command's `then`. */
  call: RedisCall;
  /**
   * Holds the commands of this turn for one socket write (`writeCoalescer`), called before each command that a reply
   * makes this call send (the first one is held by whoever calls): without it such a command leaves in a write of
   * its own.
   */
  hold?: (() => void) | null;
  /**
   * Confirms a tag (a commit id, or nothing stored) together with the other confirmations of this turn
   * (`ConfirmBatches`), in place of an HGET or EXISTS of its own; it ends the call, as {@link syncVisitor} does.
   */
  confirmer?: Confirmer | null;
}

/** What confirms a tag for {@link syncVisitor}, given the target, and answers as it would. */
export interface Confirmer {
  confirm(target: SyncTarget, visitorId: string, expected: VisitorTag): Promise<VisitorSync>;
}

/**
 * The Redis side of `syncVisitor`: with no `expected` tag, reads the record with its `version` and `commit` (one HMGET,
 * or, where a 0.1 key may still be read, the script's read of both keys); with a tag and no record, confirms it with
 * an HGET of the commit id (an HMGET of the version and commit id for a tag without one), or, when nothing was stored,
 * with an EXISTS of the key (of both where a 0.1 key may still be read), reading the record only when the tag does
 * not hold; with a record, one Lua script that writes it if the stored version and commit id are still the expected
 * ones, and else answers with the stored record. The new commit id is one no writer used before (`newCommitId`), so a
 * version that starts again at 1 after an expiry or a purge never matches a tag from before; and ioredis resending a
 * write whose answer was lost finds its own commit id and answers that it landed. Every path answers through one
 * `then` on its command, so all of them resume their caller in the same turn of the microtask queue: a path one turn
 * shorter or longer than the others cost the whole service 5–15 % (bench/RESULTS.md, "Twenty-second round").
 *
 * @example
 * await syncVisitor(target, "v1", { version: 3, commit: "…" }, record, []) // => { ok: true, tag: { version: 4, commit: "…" } }
 */
export function syncVisitor(
  target: SyncTarget,
  visitorId: string,
  expected: VisitorTag | null,
  record: VisitorRecord | null,
  increments: readonly CounterIncrement[],
): Promise<VisitorSync> {
  if (expected === null) return readTagged(target, visitorId, asRead);
  if (record === null) return confirm(target, visitorId, expected);
  return write(target, visitorId, expected, record, increments);
}

const asRead = (current: TaggedVisitor | null): VisitorSync => ({ ok: false, current });

function confirm(target: SyncTarget, visitorId: string, expected: VisitorTag): Promise<VisitorSync> {
  const { call, keys } = target;
  const failed = (error: unknown): never => call.fail(error);
  // Nothing stored: one EXISTS (of both keys where a 0.1 key may still be read) says whether anything is (a number,
  // the cheapest reply to take in, and a plain command, which Redis runs for a tenth of what a script costs it); only
  // when something is is it read.
  if (expected.version === 0) {
    if (target.confirmer != null) return target.confirmer.confirm(target, visitorId, expected);
    const found = call.send<number>("exists", recordKeys(keys), "utf8");
    return found.then((count) => {
      if (count === 0) {
        call.done();
        return { ok: true, tag: expected };
      }
      return movedOn(target, visitorId, expected);
    }, failed);
  }
  // A confirmation needs no atomic step, and reads one field: the commit id. Every write of the record's key stores a
  // commit id no writer used before together with its version, so the same commit id is the same write, version
  // included (a version edited by hand behind it is found by the next write, which compares both). One bulk string
  // taken in as bytes: a reply of two fields (an HMGET) cost the client more than the rest of the command. Only a
  // record that moved on (or lives under the 0.1 key) costs a second read, of all of it.
  if (expected.commit !== null) {
    const commit = expected.commit;
    // Compared there byte for byte: a commit id with a lone surrogate (which no read or write gives) would pass as the
    // U+FFFD its UTF-8 holds, so it is confirmed here, as text.
    if (target.confirmer != null && isWellFormed(commit)) return target.confirmer.confirm(target, visitorId, expected);
    return call.send<Buffer | null>("hget", [keys.record, "commit"], null).then((stored) => {
      if (stored !== null && sameText(stored, commit)) {
        call.done();
        return { ok: true, tag: expected };
      }
      return movedOn(target, visitorId);
    }, failed);
  }
  // A tag without a commit id (a record stored by hand, or by a writer before commit ids): its version and the
  // absence of a commit id are what hold.
  return call.send<(Buffer | null)[]>("hmget", [keys.record, "version", "commit"], null).then((fields) => {
    // Read by index: taking the array apart in the parameter list walks its iterator.
    const version = fields[0] ?? null;
    if (version !== null && fields[1] === null && sameNumber(version, expected.version)) {
      call.done();
      return { ok: true, tag: expected };
    }
    return movedOn(target, visitorId);
  }, failed);
}

const isWellFormed = (text: string): boolean => (text as unknown as { isWellFormed(): boolean }).isWellFormed();

/**
 * A tag that did not hold: the record stored now, read in a command that leaves with the call's others (`hold`). For
 * a tag of nothing stored (`expected`, version 0), something was found: if it is no record after all, the tag holds.
 */
export function movedOn(target: SyncTarget, visitorId: string, expected?: VisitorTag): Promise<VisitorSync> {
  target.hold?.();
  if (expected?.version === 0) return readTagged(target, visitorId, (current) => (current === null ? { ok: true, tag: expected } : { ok: false, current }));
  return readTagged(target, visitorId, asRead);
}

function write(target: SyncTarget, visitorId: string, expected: VisitorTag, record: VisitorRecord, increments: readonly CounterIncrement[]): Promise<VisitorSync> {
  const { call, keys, head } = target;
  const commit = newCommitId();
  // The script, its key count, the keys, then the arguments: the counters shard is named only when the script writes
  // to it. Every argument a string (see `RedisCall.send`).
  const keyCount = (increments.length === 0 ? 1 : 2) + (keys.legacy === undefined ? 0 : 1);
  const list = [SCRIPT.sha, String(keyCount), keys.record];
  if (increments.length > 0) list.push(keys.counters);
  if (keys.legacy !== undefined) list.push(keys.legacy);
  list.push(`${head}${expected.version} ${commit} ${expected.commit ?? ""}`, visitorRecordJson(record));
  for (const step of increments) {
    const by = step.by ?? 1;
    if (!Number.isSafeInteger(by)) return Promise.reject(new StorageError("redis", `counter ${counterKey(step)} can only grow by a whole number, not ${by}`));
    list.push(counterKey(step), String(by));
  }
  return sendScript(
    call,
    list,
    (reply) => {
      if (typeof reply === "number" && reply >= 0) return { ok: true, tag: reply === 0 ? null : { version: reply, commit } };
      return { ok: false, current: tagged(keys.record, visitorId, storedFields(reply)) };
    },
    (error) => corruptCounter(error, keys.counters),
  );
}

/**
 * The record with its version and commit id, as `answer` makes it the sync's reply: one HMGET of its key, or, where a
 * 0.1 key may still be read, the script's read of both (one round trip for a visitor with nothing under its key yet,
 * as every new visitor has). Ends the call.
 */
function readTagged(target: SyncTarget, visitorId: string, answer: (current: TaggedVisitor | null) => VisitorSync): Promise<VisitorSync> {
  const { call, keys } = target;
  // The script, given a tag nothing matches, answers with what is stored where a write would look.
  if (keys.legacy !== undefined) {
    return sendScript(call, [SCRIPT.sha, "2", keys.record, keys.legacy, READ_ONLY, ""], (reply) => answer(tagged(keys.record, visitorId, storedFields(reply))));
  }
  return call.send<(string | null)[]>("hmget", [keys.record, "version", "value", "commit"], "utf8").then(
    endedBy(call, (fields) => answer(tagged(keys.record, visitorId, fields as (string | null)[]))),
    (error: unknown) => call.fail(error),
  );
}

/** A reply handler that ends the call: with `meaning`'s answer, or, when `meaning` throws, with its error. */
function endedBy(call: RedisCall, meaning: (reply: unknown) => VisitorSync): (reply: unknown) => VisitorSync {
  return (reply) => {
    let answer: VisitorSync;
    try {
      answer = meaning(reply);
    } catch (error) {
      return call.fail(error);
    }
    call.done();
    return answer;
  };
}

/**
 * The sync's script by EVALSHA, and its source by EVAL when the server does not have it cached (on a cluster, each
 * node caches it on first use), under the call's deadline; `list` is EVALSHA's arguments (the script's SHA, the key
 * count, the keys, the arguments); `meaning` makes the reply the sync's answer, `named` names a failure first. Ends
 * the call.
 */
function sendScript(
  call: RedisCall,
  list: string[],
  meaning: (reply: unknown) => VisitorSync,
  named: (error: unknown) => unknown = asItCame,
): Promise<VisitorSync> {
  const answered = endedBy(call, meaning);
  const failed = (error: unknown): never => call.fail(named(error));
  return call.send("evalsha", list, "utf8").then(answered, (error: unknown) =>
    isNoScript(error) ? call.send("eval", [SCRIPT.source, ...list.slice(1)], "utf8").then(answered, failed) : failed(error),
  );
}

const asItCame = (error: unknown): unknown => error;

/** The `{0, version, value, commit}` answer of a script as the record's fields. */
function storedFields(reply: unknown): (string | null)[] {
  if (!Array.isArray(reply) || reply[0] !== 0) throw new Error(`the script answered ${JSON.stringify(reply)}`);
  return reply.slice(1) as (string | null)[];
}

function tagged(key: string, visitorId: string, [version, value, commit]: (string | null | undefined)[]): TaggedVisitor | null {
  const stored = readStored("visitor record", key, [version, value], visitorId);
  return stored === null ? null : { value: stored.value, version: stored.version, commit: commit ?? null };
}

function corruptCounter(error: unknown, key: string): unknown {
  if (!(error instanceof Error && error.message.includes("BECKON_CORRUPT"))) return error;
  const problem = error.message.slice(error.message.indexOf("BECKON_CORRUPT") + "BECKON_CORRUPT ".length);
  return new StorageError("redis", `nothing was written: ${problem} (${key}); it was left as it is`, { code: "corrupt_record", cause: error, path: [] });
}
