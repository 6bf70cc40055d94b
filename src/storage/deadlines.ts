/** What the deadline list asks of a call: to fail once its time is up. */
export interface Expiring {
  expired(): void;
}

/** What a watched call does when it settles in time, fails in time, or outlives its deadline: one of the three, once. */
export interface WatchedCall<T> extends Expiring {
  fulfilled(value: T): void;
  failed(error: unknown): void;
}

/**
 * A call being watched: when it must have settled by, the call (null once it settled or expired), and its neighbours
 * in the list of calls running (null at either end, and once it left the list).
 */
export interface Watched {
  at: number;
  call: Expiring | null;
  older: Watched | null;
  newer: Watched | null;
}

/**
 * The calls in flight that share one timeout, failed when they outlive it, with one timer for all of them: calls
 * start in order and have the same timeout, so their deadlines come in the order they were added, and the timer only
 * ever waits for the oldest call still running. A timer per call would cost every storage call a timer made and
 * cleared. The calls running are a list linked both ways, oldest first: a call that settles leaves it at once,
 * wherever it is, so nothing holds on to a finished call. (An array read from its oldest call kept an entry for every
 * call that started after one still running: one server that stops answering while the others go on made it hold
 * ≈ 33 MB for 500 000 calls until the stalled call's deadline; bench/RESULTS.md.) The timer keeps the process alive
 * only while some call is running, as a timer per call would.
 */
export class DeadlineList {
  private oldest: Watched | null = null;
  private newest: Watched | null = null;
  private running = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly timeoutMs: number) {}

  add(call: Expiring): Watched {
    const entry: Watched = { at: performance.now() + this.timeoutMs, call, older: this.newest, newer: null };
    if (this.newest === null) this.oldest = entry;
    else this.newest.newer = entry;
    this.newest = entry;
    if (this.running++ === 0) this.timer?.ref();
    if (this.timer === null) this.arm(entry.at);
    return entry;
  }

  /** The call is done (or failed by its deadline): its entry leaves the list. Called once per entry. */
  settle(entry: Watched): void {
    entry.call = null;
    if (--this.running === 0) this.timer?.unref();
    const { older, newer } = entry;
    if (older === null) this.oldest = newer;
    else older.newer = newer;
    if (newer === null) this.newest = older;
    else newer.older = older;
    // A settled entry may still be held by its call's handlers: it must not hold the calls beside it.
    entry.older = null;
    entry.newer = null;
  }

  /** Waits for a running call's deadline (so the timer starts ref'd; `settle` unrefs it when nothing runs). */
  private arm(at: number): void {
    this.timer = setTimeout(() => this.fire(), Math.max(1, Math.ceil(at - performance.now())));
  }

  /** Fails every call whose time is up, then waits for the oldest one left. */
  private fire(): void {
    this.timer = null;
    const now = performance.now();
    for (let first = this.oldest; first !== null && first.at <= now; first = this.oldest) {
      const call = first.call as Expiring;
      this.settle(first);
      call.expired();
    }
    if (this.oldest !== null && this.timer === null) this.arm(this.oldest.at);
  }
}

const lists = new Map<number, DeadlineList>();

/**
 * The list of the calls that share `timeoutMs`, made on first use: `add` a call when it starts (it is `expired()` if
 * it is still in the list `timeoutMs` later), `settle` its entry, once, when it ends in time.
 *
 * @example
 * const entry = deadlineList(5_000).add({ expired: () => command.reject(timedOut(…)) }); // … then, on its answer: deadlineList(5_000).settle(entry)
 */
export function deadlineList(timeoutMs: number): DeadlineList {
  let list = lists.get(timeoutMs);
  if (list === undefined) {
    list = new DeadlineList(timeoutMs);
    lists.set(timeoutMs, list);
  }
  return list;
}

/**
 * Passes on `running`'s outcome to `call.fulfilled` / `call.failed`, or calls `call.expired` if it has not settled
 * `timeoutMs` after now (then its outcome is ignored). All calls with the same timeout share one timer; the three
 * outcomes are one object's methods, so a caller that keeps its own state in an object (the storage guard) makes no
 * function per call for them.
 *
 * @example
 * new Promise((resolve, reject) => watchCall(client.get(key), 5_000, { fulfilled: resolve, failed: reject, expired: () => reject(timedOut(…)) }))
 */
export function watchCall<T>(running: Promise<T>, timeoutMs: number, call: WatchedCall<T>): void {
  const owner = deadlineList(timeoutMs);
  const entry = owner.add(call);
  running.then(
    (value) => {
      if (entry.call === null) return;
      owner.settle(entry);
      call.fulfilled(value);
    },
    (error: unknown) => {
      if (entry.call === null) return;
      owner.settle(entry);
      call.failed(error);
    },
  );
}
