// The tests that talk to a real service wait for it the way .ci/run does, so a service that is still starting (or
// restarting) does not fail a run; one that stays away fails the suite with a message that says which and how to
// start it, never a skip.
import pg from "pg";

/** How long a suite waits for its service before it fails. */
export const SERVICE_WAIT_MS = 30_000;

/**
 * Resolves once PostgreSQL answers `SELECT 1` at `connectionString`, retrying for {@link SERVICE_WAIT_MS}; rejects
 * then with an error naming the server and how to start it.
 *
 * @example
 * beforeAll(() => waitForPostgres("postgres://postgres@127.0.0.1:5432/test"), 40_000);
 */
export async function waitForPostgres(connectionString: string, waitMs = SERVICE_WAIT_MS): Promise<void> {
  const giveUpAt = Date.now() + waitMs;
  for (;;) {
    const client = new pg.Client({ connectionString, connectionTimeoutMillis: 2_000 });
    client.on("error", () => {});
    try {
      await client.connect();
      await client.query("SELECT 1");
      return;
    } catch (error) {
      if (Date.now() >= giveUpAt) {
        throw new Error(
          `PostgreSQL is not reachable at ${connectionString} after ${waitMs / 1_000} s (${(error as Error).message}): ` +
            "the storage tests need it. Start it (`pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start`; " +
            ".ci/run does this) and run the tests again.",
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    } finally {
      await client.end().catch(() => {});
    }
  }
}
