/** What a watched call does when it settles in time, fails in time, or outlives its deadline: one of the three, once. */
export interface WatchedCall<T> {
  fulfilled(value: T): void;
  failed(error: unknown): void;
  expired(): void;
}

/** A call being watched: when it must have settled by, and the call (null once it settled or expired). */
interface Watched {
  at: number;
  call: WatchedCall<never> | null;
}

/**
 * The calls in flight that share one timeout, failed when they outlive it, with one timer for all of them: calls
 * start in order and have the same timeout, so their deadlines come in the order they were added, and the timer only
 * ever waits for the oldest call still running. A timer per call would cost every storage call a timer made and
 * cleared. The timer keeps the process alive only while some call is running, as a timer per call would.
 */
class DeadlineList {
  private readonly watched: Watched[] = [];
  private head = 0;
  private running = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly timeoutMs: number) {}

  add(call: WatchedCall<never>): Watched {
    const entry: Watched = { at: performance.now() + this.timeoutMs, call };
    this.watched.push(entry);
    if (this.running++ === 0) this.timer?.ref();
    if (this.timer === null) this.arm(entry.at);
    return entry;
  }

  /** The call is done (or failed by its deadline): its entry goes, with every finished one before it. */
  settle(entry: Watched): void {
    entry.call = null;
    if (--this.running === 0) this.timer?.unref();
    const { watched } = this;
    if (watched[this.head] !== entry) return;
    do this.head++;
    while (this.head < watched.length && (watched[this.head] as Watched).call === null);
    if (this.head === watched.length) {
      watched.length = 0;
      this.head = 0;
    } else if (this.head > 1024 && this.head * 2 > watched.length) {
      watched.splice(0, this.head);
      this.head = 0;
    }
  }

  /** Waits for a running call's deadline (so the timer starts ref'd; `settle` unrefs it when nothing runs). */
  private arm(at: number): void {
    this.timer = setTimeout(() => this.fire(), Math.max(1, Math.ceil(at - performance.now())));
  }

  /** Fails every call whose time is up, then waits for the oldest one left. */
  private fire(): void {
    this.timer = null;
    const now = performance.now();
    for (let first = this.watched[this.head]; first !== undefined && first.at <= now; first = this.watched[this.head]) {
      const call = first.call as WatchedCall<never>;
      this.settle(first);
      call.expired();
    }
    const next = this.watched[this.head];
    if (next !== undefined && this.timer === null) this.arm(next.at);
  }
}

const lists = new Map<number, DeadlineList>();

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
  let list = lists.get(timeoutMs);
  if (list === undefined) {
    list = new DeadlineList(timeoutMs);
    lists.set(timeoutMs, list);
  }
  const owner = list;
  const entry = owner.add(call as WatchedCall<never>);
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
