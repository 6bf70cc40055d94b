// Where the Redis Cluster tests find their cluster: REDIS_CLUSTER_NODES (host:port,host:port,…) when set, otherwise
// the one scripts/redis-cluster.sh starts, or reuses when it is already healthy. Never a skip: no cluster is an error.
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { Cluster } from "ioredis";

/** One node of a cluster. */
export interface ClusterNode {
  host: string;
  port: number;
}
/** What a test's cluster client is made with, besides its nodes. */
export type ClusterClientOptions = NonNullable<ConstructorParameters<typeof Cluster>[1]>;

const SCRIPT = fileURLToPath(new URL("../../scripts/redis-cluster.sh", import.meta.url));
const run = promisify(execFile);

/** Runs scripts/redis-cluster.sh with `action` for the cluster whose ports start at `firstPort`; resolves its stdout. */
export async function clusterScript(action: "start" | "stop" | "status", firstPort: number): Promise<string> {
  try {
    const { stdout } = await run(SCRIPT, [action, String(firstPort)], { timeout: 180_000 });
    return stdout;
  } catch (error) {
    const { stderr = "" } = error as { stderr?: string };
    throw new Error(`scripts/redis-cluster.sh ${action} ${firstPort} failed: ${stderr.trim() || (error as Error).message}`, { cause: error });
  }
}

/** Reads `host:port,host:port,…`. */
export function parseNodes(text: string): ClusterNode[] {
  return text
    .split(",")
    .map((node) => node.trim())
    .filter((node) => node !== "")
    .map((node) => {
      const [host = "", port = ""] = node.split(":");
      if (host === "" || !/^[0-9]+$/.test(port)) throw new Error(`not a host:port: ${JSON.stringify(node)}`);
      return { host, port: Number(port) };
    });
}

/**
 * The nodes of a running cluster: those REDIS_CLUSTER_NODES names (for the shared cluster, `firstPort` 7001, left
 * out), or else the cluster scripts/redis-cluster.sh starts from `firstPort` (the last line it prints).
 */
export async function clusterNodes(firstPort = 7001): Promise<ClusterNode[]> {
  const fromEnv = process.env["REDIS_CLUSTER_NODES"];
  if (firstPort === 7001 && fromEnv !== undefined && fromEnv.trim() !== "") return parseNodes(fromEnv);
  const lines = (await clusterScript("start", firstPort)).trim().split("\n");
  return parseNodes(lines.at(-1) ?? "");
}

/**
 * A cluster client of the tests' own, ready to answer: it rejects with what went wrong (and how to start a
 * cluster) when none answers within `waitMs`.
 */
export async function connectCluster(nodes: ClusterNode[], options: ClusterClientOptions = {}, waitMs = 20_000): Promise<Cluster> {
  const cluster = new Cluster(nodes, options);
  let lastError: unknown;
  cluster.on("error", (error: unknown) => {
    lastError = error;
  });
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      const info = await cluster.cluster("INFO");
      if (/cluster_state:ok/.test(info)) return cluster;
      lastError = new Error(info.split("\n")[0]);
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      cluster.disconnect();
      const where = nodes.map((node) => `${node.host}:${node.port}`).join(",");
      throw new Error(
        `no healthy Redis Cluster at ${where} (${String(lastError)}); start one with scripts/redis-cluster.sh start, or set REDIS_CLUSTER_NODES`,
        { cause: lastError },
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
