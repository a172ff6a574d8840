import type postgres from 'postgres';
import {
  RateLimiterMemory,
  RateLimiterPostgres,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';

/** Longest wait for a counter in the database before the replica decides alone, ms. */
const STORE_TIMEOUT_MS = 500;
/** After a failed or slow counter the replica decides alone this long before asking again, ms. */
const STORE_REST_MS = 2000;

/** One query of rate-limiter-flexible's PostgreSQL limiter (its statement names are not needed). */
interface PoolQuery {
  text: string;
  values?: unknown[];
}

/**
 * postgres.js as the `pg` pool that rate-limiter-flexible's PostgreSQL limiter talks to (it only
 * calls `query({ text, values })` and reads `rows` and `rowCount`), with a deadline: a query that
 * fails or takes longer than `STORE_TIMEOUT_MS` is cancelled and rejected, and for the next
 * `STORE_REST_MS` every query is rejected at once, so that an unreachable database costs a
 * request no wait (the limiter's insurance then decides).
 */
function poolOf(sql: postgres.Sql) {
  let restUntilMs = 0;
  return {
    async query({ text, values = [] }: PoolQuery) {
      if (Date.now() < restUntilMs) throw new Error('rate-limit counters: database resting');
      const query = sql.unsafe(text, values as postgres.ParameterOrJSON<never>[], {
        prepare: true,
      });
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => {
          query.cancel();
          reject(new Error(`rate-limit counters: no answer within ${STORE_TIMEOUT_MS} ms`));
        }, STORE_TIMEOUT_MS);
      });
      try {
        const rows = await Promise.race([query, deadline]);
        return { rows, rowCount: rows.count };
      } catch (error) {
        restUntilMs = Date.now() + STORE_REST_MS;
        throw error;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

/**
 * A limiter of `points` per fixed one-minute window whose counters are rows of `rate_limits` in the
 * shared database (DESIGN.md §9), so that a limit holds across every replica; the table comes from
 * our migrations. While the database does not answer, an in-memory limiter of the same size
 * decides, per replica. A key that goes over its limit is refused from memory until its window
 * ends, without another write.
 */
export function pgLimiter(
  sql: postgres.Sql,
  keyPrefix: string,
  points: number,
): RateLimiterAbstract {
  return new RateLimiterPostgres({
    storeClient: poolOf(sql),
    storeType: 'pool',
    tableName: 'rate_limits',
    tableCreated: true,
    keyPrefix,
    points,
    duration: 60,
    // Without inMemoryBlockDuration the block lasts until the window's end (msBeforeNext), not a
    // fixed time from the refusal.
    inMemoryBlockOnConsumed: points + 1,
    insuranceLimiter: new RateLimiterMemory({ keyPrefix, points, duration: 60 }),
  });
}
