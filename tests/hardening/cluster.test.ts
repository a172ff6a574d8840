import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { Socket } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BOARD, feedMessage, tripUpdate, type BoardRow } from '../realtime/rtHelpers.js';
import { maasCli, startChildServer, type ChildServer } from './childServer.js';

// `maas serve` with WORKERS=2 in a child process: the primary and its two cluster workers are
// real processes sharing one port. A keep-alive connection always reaches the same worker, so a
// `Connection` (an http.Agent with one socket) asks /healthz which worker it reached and sends
// its GraphQL and REST requests to that worker. Boards are read on a fixed weekday inside the
// sample feed's calendar (stop si:200045 has ~23 departures between 07:00 and 07:30), so the
// answers do not depend on the wall clock; only realtime freshness does, and it is pushed now.
// The rate limit gets a second start on the same data folder, so that every request it counts is
// one of its own test. Servers log at info: the primary's lines (signals received, workers
// restarted) then appear in the report printed when a test fails.

const WORKERS = 2;
const STOP_ID = 'si:200045';
const AFTER = '2026-12-01T07:00:00-05:00';
const BOARD_SIZE = 20;
/** Longest wait for a push made on one worker to show on every worker's board, ms. */
const PROPAGATION_MS = 3000;
/** Longest wait for a killed worker to be replaced and serving, ms. */
const RESPAWN_MS = 20_000;
/** Longest wait for every worker to serve after `/readyz` (worker 1 starts once worker 0 is ready), ms. */
const ALL_WORKERS_MS = 60_000;
/** A connection idle this long may be closed by the server (keepAliveTimeout is 5 s): not reused, ms. */
const IDLE_MS = 2000;
/** RATE_LIMIT_PER_MINUTE of the second server. */
const LIMIT = 30;

interface GqlBody<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** What one HTTP request got back. */
interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** Rate-limited requests (`/graphql`, `/v1/*`) sent to one server, and their statuses in order. */
interface Tally {
  limitedStatuses: number[];
  /** `departures` queries that reached each worker (index = worker). */
  departures: number[];
}

const newTally = (): Tally => ({ limitedStatuses: [], departures: [0, 0] });

/**
 * One keep-alive TCP connection (an `http.Agent` with a single socket): the cluster primary hands
 * a connection to one worker, so every request on it reaches the worker `open()` found. A request
 * that would go out on another socket (the server closed the idle one) fails instead of silently
 * reaching another worker.
 */
class Connection {
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  private socket: Socket | undefined;
  /** The worker this connection reaches, -1 before `open()`. */
  worker = -1;
  /** When the last answer on this connection ended, ms. */
  lastUsedMs = Date.now();

  constructor(
    private readonly base: string,
    private readonly tally: Tally,
  ) {}

  /** Asks /healthz (not rate-limited) which worker answers on this connection. */
  async open(): Promise<number> {
    const res = await this.request('GET', '/healthz');
    if (res.status !== 200) throw new Error(`/healthz answered ${res.status}: ${res.body}`);
    const health = JSON.parse(res.body) as { status: string; worker: number };
    expect(health.status).toBe('ok');
    this.worker = health.worker;
    return health.worker;
  }

  request(
    method: 'GET' | 'POST',
    pathname: string,
    body?: string | Uint8Array,
    headers: Record<string, string> = {},
  ): Promise<Reply> {
    return new Promise<Reply>((resolve, reject) => {
      const req = http.request(
        new URL(pathname, this.base),
        {
          method,
          agent: this.agent,
          headers:
            body === undefined
              ? headers
              : { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('error', reject);
          res.on('end', () => {
            this.lastUsedMs = Date.now();
            const reply = {
              status: res.statusCode ?? 0,
              headers: res.headers,
              body: Buffer.concat(chunks).toString(),
            };
            if (/^\/(graphql|v1\/)/.test(pathname)) this.tally.limitedStatuses.push(reply.status);
            resolve(reply);
          });
        },
      );
      req.on('socket', (socket: Socket) => {
        if (this.socket && socket !== this.socket) {
          req.destroy(new Error(`connection to worker ${this.worker} was replaced by a new one`));
          return;
        }
        this.socket = socket;
      });
      req.on('error', reject);
      req.end(body);
    });
  }

  /** POSTs a GraphQL request; the parsed body (`undefined` when it is not JSON). */
  async gql<T>(
    query: string,
    variables: Record<string, unknown>,
  ): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: GqlBody<T> }> {
    const res = await this.request('POST', '/graphql', JSON.stringify({ query, variables }), {
      'content-type': 'application/json',
    });
    return { status: res.status, headers: res.headers, body: JSON.parse(res.body) as GqlBody<T> };
  }

  /** The departures board of `STOP_ID` after `AFTER`, as this worker answers it. */
  async board(): Promise<BoardRow[]> {
    const res = await this.gql<{ departures: BoardRow[] }>(BOARD, {
      stopId: STOP_ID,
      after: AFTER,
      first: BOARD_SIZE,
    });
    this.tally.departures[this.worker] = (this.tally.departures[this.worker] ?? 0) + 1;
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.errors).toBeUndefined();
    return res.body.data!.departures;
  }

  close(): void {
    this.agent.destroy();
  }
}

/**
 * Opens connections until one reaches each worker (new connections are dealt round-robin; right
 * after `/readyz` only worker 0 may be up yet). Returns them by worker index, ready for use.
 */
async function connectToEachWorker(
  base: string,
  tally: Tally,
  timeoutMs = 10_000,
): Promise<Connection[]> {
  const found: (Connection | undefined)[] = Array.from({ length: WORKERS }, () => undefined);
  const seen = new Set<number>();
  const deadline = Date.now() + timeoutMs;
  while (found.some((c) => c === undefined)) {
    // While a worker is still starting, the others' connections would idle out: open new ones.
    for (const [i, c] of found.entries()) {
      if (c && Date.now() - c.lastUsedMs > IDLE_MS) {
        c.close();
        found[i] = undefined;
      }
    }
    if (Date.now() > deadline) {
      for (const c of found) c?.close();
      throw new Error(`within ${timeoutMs} ms only workers ${[...seen].join(', ')} answered`);
    }
    const connection = new Connection(base, tally);
    const worker = await connection.open().catch(() => -1);
    if (worker >= 0) seen.add(worker);
    expect(worker, 'a worker index').toBeLessThan(WORKERS);
    if (worker >= 0 && found[worker] === undefined) {
      found[worker] = connection;
      continue;
    }
    connection.close();
    await sleep(50);
  }
  return found as Connection[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The pids `ps -o pid= <args>` lists (`ps` exits 1 when it lists none). */
async function psPids(args: string[]): Promise<number[]> {
  try {
    const { stdout } = await promisify(execFile)('ps', ['-o', 'pid=', ...args]);
    return stdout
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map(Number);
  } catch (error) {
    if ((error as { code?: unknown }).code === 1) return [];
    throw error;
  }
}

/** Pids of the processes whose parent is `pid`. */
function childPids(pid: number): Promise<number[]> {
  return psPids(['--ppid', String(pid)]);
}

/** Pids among `pids` that still exist (zombies included: they would be unreaped workers). */
async function existing(pids: number[]): Promise<number[]> {
  return pids.length === 0 ? [] : psPids(['-p', pids.join(',')]);
}

/** The environment variables of a running process (Linux /proc), empty when it is gone. */
function environOf(pid: number): Map<string, string> {
  try {
    const pairs = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
    return new Map(
      pairs
        .filter((p) => p.includes('='))
        .map((p) => [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)]),
    );
  } catch {
    return new Map();
  }
}

/** The worker pids of `server` by worker index (from the MAAS_WORKER_INDEX the primary forks them with). */
async function workerPids(server: ChildServer): Promise<Map<number, number>> {
  const byIndex = new Map<number, number>();
  for (const pid of await childPids(server.process.pid!)) {
    const index = environOf(pid).get('MAAS_WORKER_INDEX');
    if (index !== undefined) byIndex.set(Number(index), pid);
  }
  return byIndex;
}

/**
 * Starts `maas serve` with WORKERS workers on `dataDir`, waits until every worker answers (worker
 * 1 starts only once worker 0 is ready) and adds the workers' pids to `pids`.
 */
async function startCluster(
  dataDir: string,
  env: Record<string, string>,
  tally: Tally,
  pids: Set<number>,
): Promise<ChildServer> {
  const server = await startChildServer({
    dataDir,
    env: { WORKERS: String(WORKERS), METRICS_TOKEN: '', LOG_LEVEL: 'info', ...env },
  });
  for (const c of await connectToEachWorker(server.url, tally, ALL_WORKERS_MS)) c.close();
  for (const pid of (await workerPids(server)).values()) pids.add(pid);
  return server;
}

/**
 * Stops `server` (SIGTERM, then SIGKILL after 20 s) and SIGKILLs any of `pids` still running that
 * is a worker of this test's data folder (workers outlive a killed primary).
 */
async function shutdown(server: ChildServer | undefined, pids: Set<number>, dataDir: string) {
  if (server) {
    const stopped = server.stop().then(() => true);
    if (!(await Promise.race([stopped, sleep(20_000).then(() => false)]))) {
      await server.stop('SIGKILL');
    }
  }
  for (const pid of await existing([...pids])) {
    if (environOf(pid).get('DATA_DIR') === dataDir) process.kill(pid, 'SIGKILL');
  }
}

/** What the server printed (request lines left out), and how it ended, for failure messages. */
function serverReport(server: ChildServer | undefined): string {
  if (!server) return 'server not started';
  const { exitCode, signalCode, pid } = server.process;
  const lines = server
    .output()
    .split('\n')
    .filter((line) => !line.includes('"msg":"request"'));
  return `primary ${pid} exit code ${exitCode}, signal ${signalCode}; output:\n${lines.join('\n')}`;
}

/** Sum of the `maas_graphql_request_duration_seconds_count` samples of root field departures. */
function departuresCount(metricsText: string): number {
  let sum = 0;
  for (const line of metricsText.split('\n')) {
    if (!line.startsWith('maas_graphql_request_duration_seconds_count{')) continue;
    if (!line.includes('rootField="departures"')) continue;
    sum += Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return sum;
}

/** A TripUpdate delaying `row`'s trip by `delaySec` from STOP_ID on, encoded; header time now. */
function delayMessage(row: BoardRow, delaySec: number): Uint8Array {
  return feedMessage(
    [
      tripUpdate(
        'delay',
        { tripId: row.trip.id.slice('si:'.length), startDate: row.serviceDate.replaceAll('-', '') },
        [{ stopId: STOP_ID.slice('si:'.length), departure: { delay: delaySec } }],
      ),
    ],
    Math.floor(Date.now() / 1000),
  );
}

/** Polls both workers' boards until `row`'s trip shows `delaySec` on each; returns the ms it took. */
async function untilBothShowDelay(
  connections: Connection[],
  row: BoardRow,
  delaySec: number,
): Promise<number> {
  const started = Date.now();
  const expected = new Date(Date.parse(row.scheduledDeparture) + delaySec * 1000).getTime();
  const shows = (rows: BoardRow[]) => {
    const live = rows.find((r) => r.trip.id === row.trip.id && r.serviceDate === row.serviceDate);
    return (
      live?.realtimeState === 'UPDATED' &&
      live.delaySeconds === delaySec &&
      live.realtimeDeparture !== null &&
      Date.parse(live.realtimeDeparture) === expected
    );
  };
  const pending = new Set(connections);
  for (;;) {
    for (const c of [...pending]) if (shows(await c.board())) pending.delete(c);
    if (pending.size === 0) return Date.now() - started;
    if (Date.now() - started > PROPAGATION_MS) {
      const lagging = [...pending].map((c) => c.worker).join(', ');
      throw new Error(
        `after ${PROPAGATION_MS} ms worker ${lagging} still did not show the ${delaySec} s delay`,
      );
    }
    await sleep(50);
  }
}

describe('maas serve with WORKERS=2 (child processes on the sample feed)', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'maas-cluster-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  describe('one server across its workers', () => {
    let server: ChildServer | undefined;
    const pids = new Set<number>();
    const tally = newTally();
    let agencyKey = '';
    /** Worker 0's board before any realtime; the delayed trip is its first row. */
    let reference: BoardRow[] = [];

    beforeAll(async () => {
      // /readyz answers once worker 0 has imported the sample; worker 1 starts after that.
      server = await startCluster(dataDir, { LOAD_SAMPLE: 'true' }, tally, pids);
      agencyKey = await maasCli(dataDir, ['key', 'create', '--role', 'agency', '--feed', 'si']);
      expect(agencyKey).toMatch(/^maas_/);
    }, 180_000);
    afterAll(() => shutdown(server, pids, dataDir), 60_000);
    afterEach(({ task }) => {
      if (task.result?.state === 'fail') console.error(serverReport(server));
    });

    it('serves the same board of the sample feed from worker 0 and worker 1', async () => {
      const connections = await connectToEachWorker(server!.url, tally);
      try {
        expect(connections.map((c) => c.worker)).toEqual([0, 1]);
        const [w0, w1] = await Promise.all(connections.map((c) => c.board()));
        expect(w0).toHaveLength(BOARD_SIZE);
        expect(w0!.every((r) => r.realtimeState === 'SCHEDULED')).toBe(true);
        expect(w1).toEqual(w0);
        reference = w0!;
      } finally {
        for (const c of connections) c.close();
      }
    }, 30_000);

    it('shows a realtime push made on one worker on both workers within 3 s, either way', async () => {
      const row = reference[0]!;
      expect(row, 'a departure on the board').toBeDefined();
      const connections = await connectToEachWorker(server!.url, tally);
      try {
        const times: number[] = [];
        // Worker 0 gets the first push, worker 1 the second (a FULL_DATASET: it replaces the first).
        for (const [worker, delaySec] of [
          [0, 300],
          [1, 420],
        ] as const) {
          const res = await connections[worker]!.request(
            'POST',
            '/v1/feeds/si/realtime',
            delayMessage(row, delaySec),
            { 'content-type': 'application/x-protobuf', authorization: `Bearer ${agencyKey}` },
          );
          expect(res.status, res.body).toBe(200);
          expect(JSON.parse(res.body)).toEqual({
            applied: { tripUpdates: 1, vehiclePositions: 0, alerts: 0 },
            unknownTrips: 0,
            refused: [],
          });
          times.push(await untilBothShowDelay(connections, row, delaySec));
        }
        console.info(`realtime seen on both workers after ${times.join(' ms and ')} ms`);
      } finally {
        for (const c of connections) c.close();
      }
    }, 30_000);

    it('aggregates /metrics over both workers', async () => {
      const K = 5;
      const connections = await connectToEachWorker(server!.url, tally);
      try {
        for (let i = 0; i < K; i++) await Promise.all(connections.map((c) => c.board()));
        // Every departures query of this server came from this test, each counted on the worker
        // that answered it: the total only adds up when every worker's histogram is in the sum.
        const total = tally.departures[0]! + tally.departures[1]!;
        expect(tally.departures[0]).toBeGreaterThanOrEqual(K);
        expect(tally.departures[1]).toBeGreaterThanOrEqual(K);
        for (const c of connections) {
          const res = await c.request('GET', '/metrics');
          expect(res.status).toBe(200);
          const count = departuresCount(res.body);
          expect(count, `departures counted in /metrics of worker ${c.worker}`).toBe(total);
          expect(count).toBeGreaterThanOrEqual(2 * K);
        }
      } finally {
        for (const c of connections) c.close();
      }
    }, 30_000);

    it('replaces a SIGKILLed worker; the new one serves the same board, realtime included', async () => {
      const before = await workerPids(server!);
      expect([...before.keys()].sort()).toEqual([0, 1]);
      for (const pid of before.values()) pids.add(pid);
      // Worker 0 is the leader (sample import, pollers): the interesting one to lose.
      const victim = before.get(0)!;
      process.kill(victim, 'SIGKILL');
      const started = Date.now();

      const deadline = started + RESPAWN_MS;
      let after = await workerPids(server!);
      while (after.size < WORKERS || [...after.values()].includes(victim)) {
        if (Date.now() > deadline)
          throw new Error(`no new worker 0 process after ${RESPAWN_MS} ms`);
        await sleep(100);
        after = await workerPids(server!);
      }
      for (const pid of after.values()) pids.add(pid);
      expect(after.get(1)).toBe(before.get(1));
      const connections = await connectToEachWorker(
        server!.url,
        tally,
        Math.max(1000, deadline - Date.now()),
      );
      try {
        console.info(`worker 0 replaced and serving after ${Date.now() - started} ms`);
        const [w0, w1] = await Promise.all(connections.map((c) => c.board()));
        expect(w0).toEqual(w1);
        // The new worker replayed the realtime log: the second push (420 s) shows.
        const row = reference[0]!;
        const live = w0!.find(
          (r) => r.trip.id === row.trip.id && r.serviceDate === row.serviceDate,
        );
        expect(live?.delaySeconds).toBe(420);
      } finally {
        for (const c of connections) c.close();
      }
    }, 40_000);

    // Found by this test (fixed): the primary used to ask every connected worker, and a worker
    // still starting could not answer, so /metrics answered 500 after 5 s whenever one was
    // starting. Now only ready workers are asked, and a slow one is left out after 2 s.
    it('answers /metrics while a worker is starting', async () => {
      const connections = await connectToEachWorker(server!.url, tally);
      const [w0] = connections as [Connection, Connection];
      connections[1]!.close();
      try {
        const victim = (await workerPids(server!)).get(1)!;
        process.kill(victim, 'SIGKILL');
        const deadline = Date.now() + RESPAWN_MS;
        let replacement: number | undefined;
        while (replacement === undefined || replacement === victim) {
          if (Date.now() > deadline) throw new Error(`no new worker 1 after ${RESPAWN_MS} ms`);
          await sleep(20);
          replacement = (await workerPids(server!)).get(1);
        }
        pids.add(replacement);
        // Worker 1 is forked and connected to the primary, but still compiling the timetable.
        const started = Date.now();
        const res = await w0.request('GET', '/metrics');
        const tookMs = Date.now() - started;
        // Both workers serve again before the next test.
        for (const c of await connectToEachWorker(server!.url, tally, RESPAWN_MS)) c.close();
        expect(res.status, `after ${tookMs} ms: ${res.body.slice(0, 200)}`).toBe(200);
        expect(departuresCount(res.body)).toBeGreaterThan(0);
        expect(tookMs).toBeLessThan(2000);
      } finally {
        w0.close();
      }
    }, 40_000);

    it('stops the primary and every worker on SIGTERM', async () => {
      const workers = [...(await workerPids(server!)).values()];
      expect(workers).toHaveLength(WORKERS);
      for (const pid of workers) pids.add(pid);
      const started = Date.now();
      await server!.stop('SIGTERM');
      const tookMs = Date.now() - started;
      console.info(`SIGTERM: everything stopped after ${tookMs} ms`);
      // 0: the workers closed gracefully (the primary exits 1 after killing stragglers at 15 s).
      expect(server!.process.exitCode).toBe(0);
      expect(await existing(workers)).toEqual([]);
    }, 30_000);
  });

  describe('rate limits for the whole server (second start on the same data folder)', () => {
    let server: ChildServer | undefined;
    const pids = new Set<number>();
    const tally = newTally();

    beforeAll(async () => {
      // Only /healthz so far: nothing counted against the limit yet.
      server = await startCluster(
        dataDir,
        {
          RATE_LIMIT_PER_MINUTE: String(LIMIT),
          RATE_LIMIT_EXEMPT_IPS: '',
          RATE_LIMIT_CREDENTIAL_PER_MINUTE: '0',
        },
        tally,
        pids,
      );
    }, 180_000);
    afterAll(() => shutdown(server, pids, dataDir), 60_000);
    afterEach(({ task }) => {
      if (task.result?.state === 'fail') console.error(serverReport(server));
    });

    it(`lets exactly RATE_LIMIT_PER_MINUTE=${LIMIT} requests through in a minute, whichever worker takes them`, async () => {
      const connections = await connectToEachWorker(server!.url, tally);
      try {
        expect(tally.limitedStatuses).toEqual([]);
        const [w0, w1] = connections as [Connection, Connection];
        // Some ordinary traffic on both workers first: queries, and pushes without a key (401).
        for (let i = 0; i < 4; i++) for (const c of connections) await c.board();
        for (const c of connections) {
          const res = await c.request('POST', '/v1/feeds/si/realtime', new Uint8Array(0), {
            'content-type': 'application/x-protobuf',
          });
          expect(res.status).toBe(401);
        }
        // /healthz and /metrics are not limited and not counted.
        for (const c of connections) expect((await c.request('GET', '/metrics')).status).toBe(200);

        // Then alternate the workers until the first refusal.
        let refusal: Reply | undefined;
        let last = w1;
        for (let i = 0; i < 3 * LIMIT && !refusal; i++) {
          last = i % 2 === 0 ? w0 : w1;
          const res = await last.request(
            'POST',
            '/graphql',
            JSON.stringify({ query: '{ __typename }' }),
            { 'content-type': 'application/json' },
          );
          if (res.status === 429) refusal = res;
          else expect(res.status, res.body).toBe(200);
        }
        const statuses = tally.limitedStatuses;
        const through = statuses.filter((s) => s !== 429).length;
        expect(through, `statuses: ${statuses.join(' ')}`).toBe(LIMIT);
        expect(statuses.at(-1)).toBe(429);
        expect(refusal).toBeDefined();
        expect((JSON.parse(refusal!.body) as { error: { code: string } }).error.code).toBe(
          'RATE_LIMITED',
        );
        const retryAfter = Number(refusal!.headers['retry-after']);
        expect(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60).toBe(true);

        // The other worker refuses too, and both still answer /healthz and /metrics.
        const other = last === w0 ? w1 : w0;
        expect((await other.gql('{ __typename }', {})).status).toBe(429);
        for (const c of connections) {
          expect((await c.request('GET', '/healthz')).status).toBe(200);
          expect((await c.request('GET', '/metrics')).status).toBe(200);
        }
      } finally {
        for (const c of connections) c.close();
      }
    }, 30_000);
  });
});
