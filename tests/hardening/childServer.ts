import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'bin/maas.js');

/** `maas serve` running in a child process on 127.0.0.1. */
export interface ChildServer {
  url: string;
  process: ChildProcess;
  /** What it wrote to stderr (and stdout), for failure messages. */
  output: () => string;
  /** Sends `signal` and resolves once the process has exited. */
  stop: (signal?: NodeJS.Signals) => Promise<void>;
}

/** A TCP port free right now on 127.0.0.1. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** The environment of a child: this one without settings that would change the server under test. */
function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const base = Object.entries(process.env).filter(
    ([name]) => !/^(PORT|HOST|DATA_DIR|LOAD_SAMPLE|RATE_LIMIT_|NODE_OPTIONS|VITEST)/.test(name),
  );
  return { ...Object.fromEntries(base), LOG_LEVEL: 'warn', ...env };
}

/** Runs `maas <args>` on `dataDir` and returns what it printed. */
export async function maasCli(
  dataDir: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env: childEnv({ DATA_DIR: dataDir, ...env }),
  });
  return stdout.trim();
}

/** Starts `maas serve` on `dataDir` and a free port, and waits until `/readyz` answers 200. */
export async function startChildServer(options: {
  dataDir: string;
  env?: Record<string, string>;
  readyTimeoutMs?: number;
  /** Node options before the script, e.g. `--cpu-prof` (cluster workers inherit them). */
  nodeArgs?: string[];
}): Promise<ChildServer> {
  const port = await freePort();
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), BIN, 'serve'], {
    cwd: ROOT,
    env: childEnv({
      DATA_DIR: options.dataDir,
      HOST: '127.0.0.1',
      PORT: String(port),
      ...options.env,
    }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.readyTimeoutMs ?? 120_000);
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`maas serve exited with ${child.exitCode}:\n${output}`);
    try {
      if ((await fetch(`${url}/readyz`)).status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(
        `maas serve not ready after ${options.readyTimeoutMs ?? 120_000} ms:\n${output}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    process: child,
    output: () => output,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}
