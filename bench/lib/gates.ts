/**
 * Gate controllers in a process of their own: posts one check-in per pass to a server, `gates`
 * at a time, as the lot's gates would from their own machines, so that the client's work (HTTP,
 * JSON, timing) does not share the server's event loop. Run as a script, it reads its job as
 * JSON on stdin and prints the run as JSON on stdout; `checkInFromGates` starts it.
 *
 * The gates speak node:http over kept-alive connections, one per gate. Not fetch: on this 2-core
 * machine fetch (undici, web streams) alone tops out near 1,000 requests/s with p95 near 90 ms
 * against an endpoint that does nothing, so it measured the simulated gates, not the server.
 */
import { spawn } from 'node:child_process';
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import { runConcurrent, type ConcurrentRun } from './http.js';

/** What the gates do. */
export interface GateJob {
  /** `POST /v1/parking/checkins` of the server. */
  url: string;
  /** The operator key the gates use. */
  operatorKey: string;
  facilityId: string;
  /** When the cars pass the gate (ISO). */
  at: string;
  /**
   * Passes checked in first and not measured: they warm the server and these gates up alike (a
   * gate controller is a running program talking to a running server; in a fresh process Node's
   * HTTP client alone spent 0.6 ms of CPU per request, as much as half the server's work).
   */
  warmUpPasses: string[];
  /** One pass per car, measured. */
  passes: string[];
  gates: number;
  /** Prefix of the gate events' idempotency keys (unique per run). */
  keyPrefix: string;
}

/** What the gates measured: latencies in pass order, wall time, answers by HTTP status. */
export interface GateRun extends ConcurrentRun {
  statuses: Record<number, number>;
  /** CPU time the gate process spent during the run, ms (user + system): what it took from the server's 2 cores. */
  gateCpuMs: number;
}

/** POSTs `body` as JSON and resolves with the status once the answer has been read whole. */
function post(agent: http.Agent, url: URL, key: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          authorization: `Bearer ${key}`,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        },
      },
      (res) => {
        res.on('data', () => undefined);
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function runGates(job: GateJob): Promise<GateRun> {
  const url = new URL(job.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: job.gates });
  const checkIn =
    (statuses: Record<number, number>, prefix: string) =>
    async ({ pass, i }: { pass: string; i: number }) => {
      const body = JSON.stringify({
        pass,
        facilityId: job.facilityId,
        at: job.at,
        idempotencyKey: `${job.keyPrefix}-${prefix}${i}`,
      });
      const status = await post(agent, url, job.operatorKey, body);
      statuses[status] = (statuses[status] ?? 0) + 1;
    };
  const numbered = (passes: string[]) => passes.map((pass, i) => ({ pass, i }));
  try {
    await runConcurrent(numbered(job.warmUpPasses), job.gates, checkIn({}, 'w'));
    const statuses: Record<number, number> = {};
    const cpu = process.cpuUsage();
    const run = await runConcurrent(numbered(job.passes), job.gates, checkIn(statuses, ''));
    const used = process.cpuUsage(cpu);
    return { ...run, statuses, gateCpuMs: (used.user + used.system) / 1000 };
  } finally {
    agent.destroy();
  }
}

/** Runs `job` from a child process (the gates), and resolves with what it measured. */
export function checkInFromGates(job: GateJob): Promise<GateRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url)], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) reject(new Error(`the gate process exited with ${code}`));
      else resolve(JSON.parse(out) as GateRun);
    });
    child.stdin.end(JSON.stringify(job));
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  let input = '';
  process.stdin.on('data', (chunk: Buffer) => (input += chunk.toString()));
  process.stdin.on('end', () => {
    runGates(JSON.parse(input) as GateJob).then(
      (run) => process.stdout.write(JSON.stringify(run)),
      (error: unknown) => {
        console.error(error);
        process.exitCode = 1;
      },
    );
  });
}
