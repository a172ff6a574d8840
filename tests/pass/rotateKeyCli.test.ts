/**
 * `maas pass rotate-key` on the data folder of a running server: the server publishes the new key
 * next to the old one at once, and signs with the new one.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { startServer } from '../../src/main.js';

const run = promisify(execFile);
const BIN = path.resolve(import.meta.dirname, '../../bin/maas.js');

describe('maas pass rotate-key', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'pass-cli-'));
  const env = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
  let server: Awaited<ReturnType<typeof startServer>>;
  const kids = async () => {
    const res = await fetch(`http://127.0.0.1:${server.port}/.well-known/jwks.json`);
    return ((await res.json()) as { keys: { kid: string }[] }).keys.map((k) => k.kid).sort();
  };

  beforeAll(async () => {
    server = await startServer({
      ...loadConfig({}),
      dataDir,
      host: '127.0.0.1',
      port: 0,
      loadSample: false,
      logLevel: 'silent',
    });
  });
  afterAll(async () => {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts a new key; with no pass signed yet, only the new key stays published', async () => {
    const [first] = await kids();
    expect(first).toMatch(/^[\w-]{12}$/);
    const { stdout } = await run(process.execPath, [BIN, 'pass', 'rotate-key'], {
      env,
      timeout: 60_000,
    });
    const kid = /signing with key ([\w-]+)/.exec(stdout)?.[1];
    expect(kid).toMatch(/^[\w-]{12}$/);
    expect(kid).not.toBe(first);
    // The old key signed no pass: nothing needs it any more.
    expect(await kids()).toEqual([kid]);
  }, 60_000);
});
