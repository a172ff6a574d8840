import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appDbPath, openAppDb } from '../../src/db/client.js';
import { operators } from '../../src/db/schema/index.js';
import { GroupCommit } from '../../src/db/groupCommit.js';
import type { SyncDb } from '../../src/db/syncDb.js';
import { createHarness, type Harness } from '../helpers/harness.js';
import { createFacility } from './fixtures.js';

describe('reservations committed as a group', () => {
  let h: Harness;
  let facilityId: string;
  const window = {
    startMs: Date.parse('2026-12-01T08:00:00-05:00'),
    endMs: Date.parse('2026-12-01T09:00:00-05:00'),
  };

  beforeEach(async () => {
    h = createHarness();
    facilityId = await createFacility(h, h.key({ role: 'operator', operatorId: 'acme' }), {
      reservableSpaces: 2,
    });
  });
  afterEach(async () => {
    await h.close();
  });

  it('requests of one tick see each other’s writes; a refused one rolls back alone', async () => {
    const ask = (
      riderId: string,
      idempotencyKey: string,
      override: Partial<{ facilityId: string }> = {},
    ) =>
      h.services.parking.reserve({
        riderId,
        facilityId,
        window,
        idempotencyKey,
        hold: false,
        ...override,
      });
    const outcomes = await Promise.allSettled([
      ask('a', 'k'),
      ask('a', 'k'), // a retry in the same batch: the same reservation
      ask('b', 'k'),
      ask('c', 'k', { facilityId: 'acme:missing' }),
      ask('d', 'k'),
    ]);
    const [first, retry, second, missing, third] = outcomes;
    expect(first.status).toBe('fulfilled');
    expect(
      retry.status === 'fulfilled' &&
        first.status === 'fulfilled' &&
        retry.value.id === first.value.id,
    ).toBe(true);
    expect(second.status).toBe('fulfilled');
    expect(missing.status === 'rejected' && (missing.reason as { code: string }).code).toBe(
      'NOT_FOUND',
    );
    expect(third.status === 'rejected' && (third.reason as { code: string }).code).toBe(
      'NO_CAPACITY',
    );
    const rows = h.services.db.$client
      .prepare('SELECT rider_id AS riderId FROM parking_reservations ORDER BY rider_id')
      .all();
    expect(rows).toEqual([{ riderId: 'a' }, { riderId: 'b' }]);
  });
});

describe('group commit while another process holds the write lock', () => {
  let h: Harness;
  let other: Database.Database;

  beforeEach(() => {
    h = createHarness();
    // Another process on the same file (a second worker, or the CLI), holding the write lock.
    other = new Database(appDbPath(h.dataDir));
    other.exec('BEGIN IMMEDIATE');
  });
  afterEach(async () => {
    if (other.inTransaction) other.exec('ROLLBACK');
    other.close();
    await h.close();
  });

  const insertKeyRow = (id: string) => (tx: SyncDb) =>
    tx
      .insert(operators)
      .values({ id, name: 'op', createdAt: new Date(0) })
      .run().changes;

  it('keeps the event loop serving while it waits, then commits once the lock is free', async () => {
    const commits = new GroupCommit(openAppDb(appDbPath(h.dataDir)));
    const started = performance.now();
    const pending = commits.run(insertKeyRow('waiting-op'));
    // The event loop turns while the batch waits: timers fire on time.
    const ticks: number[] = [];
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        ticks.push(performance.now() - started);
        if (ticks.length === 10) {
          clearInterval(timer);
          resolve();
        }
      }, 5);
    });
    expect(ticks.at(-1)!).toBeLessThan(1000);
    let settled = false;
    void pending.finally(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(settled).toBe(false);
    other.exec('COMMIT');
    await expect(pending).resolves.toBe(1);
    const row = h.services.db.$client
      .prepare("SELECT id FROM operators WHERE id = 'waiting-op'")
      .get();
    expect(row).toEqual({ id: 'waiting-op' });
  });

  it('fails the batch after its lock wait, writing nothing', async () => {
    const commits = new GroupCommit(openAppDb(appDbPath(h.dataDir)), 100);
    const started = performance.now();
    await expect(commits.run(insertKeyRow('late-op'))).rejects.toMatchObject({
      code: 'SQLITE_BUSY',
    });
    expect(performance.now() - started).toBeGreaterThanOrEqual(100);
    other.exec('COMMIT');
    const row = h.services.db.$client
      .prepare("SELECT id FROM operators WHERE id = 'late-op'")
      .get();
    expect(row).toBeUndefined();
  });
});
