// A TCP proxy between an adapter and a real server that can cut the connection at a chosen moment, for fault tests:
// "the connection died half-way through a write" must leave either all of the write or none of it. It can also go
// silent: connections stay open, new ones are accepted, and nothing gets through either way — a server behind a
// network that drops packets without a reset (TCP keeps resending, so what was held back arrives late on resume).
import { createServer, connect, type AddressInfo, type Server, type Socket } from "node:net";

export interface CuttingProxy {
  /** The port the adapter should connect to (on 127.0.0.1). */
  port: number;
  /**
   * From now on, when a chunk the client sends matches `when`, the proxy cuts every connection: `"before"` drops the
   * chunk (the server never sees it), `"after"` forwards it and cuts before any reply comes back.
   */
  cutOn(when: (chunk: Buffer) => boolean, moment: "before" | "after"): void;
  /** How many times it cut. */
  cuts(): number;
  /** Stops forwarding anything, on open connections and new ones alike, without closing any. */
  silence(): void;
  /** From now on, goes silent (as `silence`) when a chunk the client sends matches `when`, holding that chunk too. */
  silenceOn(when: (chunk: Buffer) => boolean): void;
  /** Forwards again, first what was held back while silent (late, in order, as TCP's resends would bring it). */
  resume(): void;
  close(): Promise<void>;
}

/**
 * Starts a proxy to `host:port`.
 *
 * @example
 * const proxy = await startCuttingProxy(6379);
 * proxy.cutOn((chunk) => chunk.includes("EVALSHA"), "after");
 */
export async function startCuttingProxy(targetPort: number, targetHost = "127.0.0.1"): Promise<CuttingProxy> {
  const sockets = new Set<Socket>();
  let rule: { when: (chunk: Buffer) => boolean; moment: "before" | "after" } | null = null;
  let cut = 0;
  let silent = false;
  let silenceWhen: ((chunk: Buffer) => boolean) | null = null;
  const held: (() => void)[] = [];
  const cutAll = (): void => {
    cut++;
    for (const socket of sockets) socket.destroy();
  };
  const server: Server = createServer((client) => {
    const upstream = connect(targetPort, targetHost);
    sockets.add(client).add(upstream);
    const fromClient = (chunk: Buffer): void => {
      if (!silent && silenceWhen !== null && silenceWhen(chunk)) silent = true;
      if (silent) {
        held.push(() => fromClient(chunk));
        return;
      }
      const matched = rule !== null && rule.when(chunk);
      if (matched && rule?.moment === "before") return cutAll();
      upstream.write(chunk);
      if (matched) {
        // Let the chunk reach the server, then cut before its answer can come back.
        upstream.pause();
        setTimeout(cutAll, 50);
      }
    };
    client.on("data", fromClient);
    const fromServer = (chunk: Buffer): void => {
      if (silent) held.push(() => fromServer(chunk));
      else client.write(chunk);
    };
    upstream.on("data", fromServer);
    for (const socket of [client, upstream]) {
      socket.on("error", () => {});
      socket.on("close", () => {
        sockets.delete(socket);
        client.destroy();
        upstream.destroy();
      });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as AddressInfo).port,
    cutOn(when, moment) {
      rule = { when, moment };
    },
    cuts: () => cut,
    silence() {
      silent = true;
    },
    silenceOn(when) {
      silenceWhen = when;
    },
    resume() {
      silent = false;
      silenceWhen = null;
      for (const send of held.splice(0)) send();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
