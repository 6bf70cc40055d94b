/** A call being watched: when it must have settled by, and how to fail it then. */
interface Watched {
  at: number;
  expire: (() => void) | null;
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

  add(expire: () => void): Watched {
    const entry: Watched = { at: performance.now() + this.timeoutMs, expire };
    this.watched.push(entry);
    if (this.running++ === 0) this.timer?.ref();
    if (this.timer === null) this.arm(entry.at);
    return entry;
  }

  /** The call is done (or failed by its deadline): its entry goes, with every finished one before it. */
  settle(entry: Watched): void {
    entry.expire = null;
    if (--this.running === 0) this.timer?.unref();
    const { watched } = this;
    if (watched[this.head] !== entry) return;
    do this.head++;
    while (this.head < watched.length && (watched[this.head] as Watched).expire === null);
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
      const expire = first.expire as () => void;
      this.settle(first);
      expire();
    }
    const next = this.watched[this.head];
    if (next !== undefined && this.timer === null) this.arm(next.at);
  }
}

const lists = new Map<number, DeadlineList>();

/**
 * Settles `running`'s outcome through `resolve` / `reject`, or calls `expire` if it has not settled `timeoutMs`
 * after now (then its outcome is ignored). All calls with the same timeout share one timer.
 *
 * @example
 * new Promise((resolve, reject) => watchDeadline(client.get(key), 5_000, resolve, reject, () => reject(timedOut(…))))
 */
export function watchDeadline<T>(
  running: Promise<T>,
  timeoutMs: number,
  resolve: (value: T) => void,
  reject: (error: unknown) => void,
  expire: () => void,
): void {
  let list = lists.get(timeoutMs);
  if (list === undefined) {
    list = new DeadlineList(timeoutMs);
    lists.set(timeoutMs, list);
  }
  const owner = list;
  const entry = owner.add(expire);
  running.then(
    (value) => {
      if (entry.expire === null) return;
      owner.settle(entry);
      resolve(value);
    },
    (error: unknown) => {
      if (entry.expire === null) return;
      owner.settle(entry);
      reject(error);
    },
  );
}
