import { Command } from "ioredis";
import { leanCommand, type CommandOptions } from "./lean-command.js";
import type { DeadlineList, Expiring, Watched } from "../storage/deadlines.js";
import { asStorageError, timedOut, type Explain, type StorageError } from "../storage/storage-error.js";
import type { RedisClient } from "./open-client.js";

/** What every visitor call of one adapter shares: its client, its deadline list and how it names a failure. */
export interface CallSetting {
  readonly client: RedisClient;
  readonly deadlines: DeadlineList;
  readonly timeoutMs: number;
  readonly explain: Explain;
}

/**
 * One visitor call's commands under one deadline, with no promise of the adapter's own around them. The call sends
 * ioredis `Command`s itself, and its deadline fails the command in flight, as ioredis's own `commandTimeout` does:
 * so the call's answer comes from the command's promise through a single `then`, where a promise made to be rejected
 * at the deadline and the reactions passing the answer on to it cost every call a turn of the microtask queue, a
 * look-up of `then` on the answer and six objects (bench/RESULTS.md, "Twenty-second round"). A second command (a
 * stale tag's read, a script the server did not have) runs under the same deadline. Whoever sends must end the call
 * with `done` (answered) or `fail` (its error, named as a StorageError), once, in the `then` of its last command.
 *
 * @example
 * const call = new RedisCall(setting, "writing a visitor", "v1");
 * return call.send<number>("exists", [key], "utf8").then((count) => { call.done(); return count }, (error) => call.fail(error));
 */
export class RedisCall implements Expiring {
  /** What the deadline fails: the command in flight, or the call's place in a command it shares ({@link join}). */
  private inFlight: { reject(error: Error): void } | null = null;
  private entry: Watched | null = null;

  constructor(
    private readonly setting: CallSetting,
    private readonly doing: string,
    private readonly visitorId: string,
    /** The slot of the visitor's keys on Redis Cluster (every command of the call names them first). */
    private readonly slot?: number,
  ) {}

  /**
   * Sends a command of the call, as the client's own method would (its key prefix and error stacks kept), through its
   * `sendCommand`: the first one starts the deadline. `args` come flat, every one a string, so the command takes them
   * as they are ({@link leanCommand}), unless the client adds a key prefix (ioredis's own `Command` adds it). ioredis's
   * auto-pipelining is not used for these commands; the adapter's write coalescing does that work.
   */
  send<T>(name: string, args: string[], replyEncoding: "utf8" | null): Promise<T> {
    const command = this.command(name, args, replyEncoding);
    this.inFlight = command;
    this.entry ??= this.setting.deadlines.add(this);
    void this.setting.client.sendCommand(command);
    return command.promise as Promise<T>;
  }

  /**
   * Waits for an answer that a command shared with other calls brings ({@link sendShared}): the deadline starts, and
   * when it passes, `pending` is what fails.
   */
  join(pending: { reject(error: Error): void }): void {
    this.inFlight = pending;
    this.entry ??= this.setting.deadlines.add(this);
  }

  /**
   * Sends a command that answers this call and others (each joined to it): sent as {@link send} sends, but not this
   * call's to fail at its deadline, since the others wait for it too. The reply comes as text.
   */
  sendShared<T>(name: string, args: string[]): Promise<T> {
    const command = this.command(name, args, "utf8");
    void this.setting.client.sendCommand(command);
    return command.promise as Promise<T>;
  }

  /** Whether the call has neither answered nor failed yet (its deadline has not passed). */
  get running(): boolean {
    return this.entry === null || this.entry.call !== null;
  }

  private command(name: string, args: string[], replyEncoding: "utf8" | null): Command {
    const { keyPrefix, showFriendlyErrorStack } = this.setting.client.options;
    // One shape for every command, as the client's own methods make it (an absent prefix or stack is undefined).
    const options = { replyEncoding, keyPrefix, errorStack: showFriendlyErrorStack === true ? new Error() : undefined } as CommandOptions;
    return keyPrefix === undefined || keyPrefix === "" ? leanCommand(name, args, options, this.slot) : new Command(name, args, options);
  }

  /** The call answered in time: its deadline goes. */
  done(): void {
    if (this.entry !== null && this.entry.call !== null) this.setting.deadlines.settle(this.entry);
  }

  /** The call failed: its deadline goes, and the failure is thrown as a StorageError naming what the call did. */
  fail(error: unknown): never {
    throw this.failure(error);
  }

  /** The call failed: its deadline goes, and the failure comes back as a StorageError naming what the call did. */
  failure(error: unknown): StorageError {
    this.done();
    return asStorageError("redis", this.doing, error, this.setting.explain, this.visitorId);
  }

  /** The deadline passed: the command in flight fails (its late answer, if any, is dropped by ioredis). */
  expired(): void {
    this.inFlight?.reject(timedOut("redis", this.doing, this.setting.timeoutMs));
  }
}
