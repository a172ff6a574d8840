/**
 * Rate limits across replicas (DESIGN.md §9): two app instances, each on a real server on
 * 127.0.0.1 (so the client IP is known), and on PostgreSQL one database, whose `rate_limits` table
 * holds the counters. While that database is slow or unreachable every replica keeps answering,
 * limiting alone from memory.
 */
import postgres from 'postgres';
import { afterEach, expect, it } from 'vitest';
import { describeDialects } from '../helpers/dialects.js';
import { eventually } from '../helpers/eventually.js';
import type { Harness } from '../helpers/harness.js';
import { TEST_PG_URL } from '../helpers/pg.js';
import { listen } from '../parking/realServer.js';

/** The per-IP limit of these replicas; loopback is not exempt. */
const LIMIT = 5;
const ENV = { RATE_LIMIT_PER_MINUTE: String(LIMIT), RATE_LIMIT_EXEMPT_IPS: '' };

interface Replica {
  h: Harness;
  url: string;
  close: () => Promise<void>;
}

/** POST `{ ok }` to a replica's /graphql, with an optional bearer credential. */
async function ask(replica: Replica, credential?: string) {
  const res = await fetch(`${replica.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(credential ? { authorization: `Bearer ${credential}` } : {}),
    },
    body: JSON.stringify({ query: '{ ok }' }),
  });
  return {
    status: res.status,
    retryAfter: res.headers.get('retry-after'),
    body: (await res.json()) as unknown,
  };
}

/** The counter of `key` (`ip:<address>`, `credential:<hash>`) in the shared database. */
async function points(h: Harness, key: string): Promise<number | undefined> {
  const rows = await h.query<{ points: number }>(
    `SELECT points FROM rate_limits WHERE key = '${key}'`,
  );
  return rows[0]?.points;
}

/** The name and URL of the database a PostgreSQL harness works on. */
async function databaseOf(h: Harness): Promise<{ name: string; url: string }> {
  const [row] = await h.query<{ name: string }>('SELECT current_database() AS name');
  const url = new URL(TEST_PG_URL!);
  url.pathname = `/${row!.name}`;
  return { name: row!.name, url: url.toString() };
}

describeDialects('rate limits across replicas (real servers)', (ctx) => {
  let a: Replica;
  let b: Replica;
  /** The replicas started by the running test, closed after it. */
  const running: Replica[] = [];
  const serve = async (h: Harness): Promise<Replica> => {
    const replica = { h, ...(await listen(h.app)) };
    running.push(replica);
    return replica;
  };
  const start = async (env: Record<string, string> = ENV) => {
    a = await serve(await ctx.harness({ env }));
    b = await serve(await ctx.replica({ env }));
  };
  afterEach(async () => {
    for (const r of running.splice(0)) {
      await r.close();
      await r.h.close();
    }
  });

  it(
    ctx.dialect === 'postgres'
      ? `${LIMIT} requests per minute from one IP, whichever replica takes them; the 6th is refused`
      : 'without DATABASE_URL each instance counts alone, as before',
    async () => {
      await start();
      for (let i = 0; i < 3; i++) expect((await ask(a)).status).toBe(200);
      for (let i = 0; i < 2; i++) expect((await ask(b)).status).toBe(200);
      const sixth = await ask(b);
      if (ctx.dialect === 'sqlite') {
        expect(sixth.status).toBe(200);
        return;
      }
      expect(sixth.status).toBe(429);
      expect(sixth.body).toEqual({
        error: { code: 'RATE_LIMITED', message: expect.stringMatching(/retry in/) as unknown },
      });
      expect(Number(sixth.retryAfter)).toBeGreaterThan(0);
      expect(Number(sixth.retryAfter)).toBeLessThanOrEqual(60);
      expect(await points(a.h, 'ip:127.0.0.1')).toBe(6);
      // B now refuses from memory, without another write; A, which has not refused yet, counts.
      expect((await ask(b)).status).toBe(429);
      expect(await points(a.h, 'ip:127.0.0.1')).toBe(6);
      expect((await ask(a)).status).toBe(429);
      expect(await points(a.h, 'ip:127.0.0.1')).toBe(7);
    },
  );

  it.runIf(ctx.dialect === 'postgres')(
    'limits a credential across replicas; another credential has its own count',
    async () => {
      await start({ ...ENV, RATE_LIMIT_PER_MINUTE: '100', RATE_LIMIT_CREDENTIAL_PER_MINUTE: '3' });
      const [ann, bob] = [await a.h.riderToken('ann'), await a.h.riderToken('bob')];
      expect((await ask(a, ann)).status).toBe(200);
      expect((await ask(b, ann)).status).toBe(200);
      expect((await ask(a, ann)).status).toBe(200);
      const fourth = await ask(b, ann);
      expect(fourth.status).toBe(429);
      expect(fourth.body).toMatchObject({ error: { code: 'RATE_LIMITED' } });
      expect(Number(fourth.retryAfter)).toBeGreaterThan(0);
      expect((await ask(b, bob)).status).toBe(200);
      expect((await ask(a)).status).toBe(200);
    },
  );

  it.runIf(ctx.dialect === 'postgres')(
    'a counter row locked elsewhere costs a request at most half a second, then none',
    async () => {
      await start();
      expect((await ask(a)).status).toBe(200);
      const other = postgres((await databaseOf(a.h)).url, { max: 1, onnotice: () => undefined });
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      let locked!: () => void;
      const isLocked = new Promise<void>((resolve) => (locked = resolve));
      const holder = other.begin(async (tx) => {
        await tx`SELECT * FROM rate_limits WHERE key = 'ip:127.0.0.1' FOR UPDATE`;
        locked();
        await released;
      });
      try {
        await Promise.race([isLocked, holder]);
        let t = performance.now();
        expect((await ask(a)).status).toBe(200);
        const firstMs = performance.now() - t;
        expect(firstMs).toBeGreaterThanOrEqual(450);
        expect(firstMs).toBeLessThan(2000);
        // The database rests for this replica: the next requests do not wait.
        t = performance.now();
        for (let i = 0; i < 3; i++) expect((await ask(a)).status).toBe(200);
        expect(performance.now() - t).toBeLessThan(400);
        // The insurance counted these 4: the 5th passes, the 6th is refused.
        expect((await ask(a)).status).toBe(200);
        expect((await ask(a)).status).toBe(429);
      } finally {
        release();
        await holder;
        await other.end({ timeout: 1 });
      }
    },
  );

  it.runIf(ctx.dialect === 'postgres')(
    'with the database unreachable each replica limits alone; then the shared count resumes',
    async () => {
      await start();
      expect((await ask(a)).status).toBe(200);
      const { name } = await databaseOf(a.h);
      const admin = postgres(TEST_PG_URL!, { max: 1, onnotice: () => undefined });
      try {
        await admin.unsafe(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
        await admin`SELECT pg_terminate_backend(pid) FROM pg_stat_activity
          WHERE datname = ${name} AND pid <> pg_backend_pid()`;
        const t = performance.now();
        for (let i = 0; i < LIMIT; i++) expect((await ask(a)).status).toBe(200);
        const refused = await ask(a);
        expect(refused.status).toBe(429);
        expect(refused.body).toMatchObject({ error: { code: 'RATE_LIMITED' } });
        expect(Number(refused.retryAfter)).toBeGreaterThan(0);
        expect((await ask(b)).status).toBe(200);
        expect(performance.now() - t).toBeLessThan(3000);
      } finally {
        await admin.unsafe(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`);
        await admin.end({ timeout: 1 });
      }
      // Once B's rest is over its requests count in the database again: 1 before, 1 now.
      let last = 0;
      await eventually(
        async () => {
          last = (await ask(b)).status;
          return (await points(a.h, 'ip:127.0.0.1').catch(() => undefined)) === 2;
        },
        10_000,
        200,
      );
      expect(last).toBe(200);
    },
  );
});
