import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { startServer } from '../../src/main.js';
import { SAMPLE_FEED_DIR } from '../../src/sample.js';

const run = promisify(execFile);
const BIN = path.resolve(import.meta.dirname, '../../bin/maas.js');

describe('the maas CLI on the data folder of a running server', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'maas-cli-'));
  const env = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
  let server: Awaited<ReturnType<typeof startServer>>;
  const maas = (...args: string[]) =>
    run(process.execPath, [BIN, ...args], { env, timeout: 120_000 });

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

  it('imports a feed that the running server then serves without a restart', async () => {
    const { stdout, stderr } = await maas('feed', 'import', 'si', SAMPLE_FEED_DIR);
    expect(JSON.parse(stdout)).toMatchObject({ feed: 'si', version: 1 });
    expect(stderr).toMatch(/100%/);
    const list = await maas('feed', 'list');
    expect(list.stdout).toMatch(/^si\tv1\t/);
    let ready: { status?: string; feeds?: string[] } = {};
    for (let i = 0; i < 60 && ready.status !== 'ready'; i++) {
      await new Promise((r) => setTimeout(r, 500));
      ready = (await (
        await fetch(`http://127.0.0.1:${server.port}/readyz`)
      ).json()) as typeof ready;
    }
    expect(ready).toEqual({ status: 'ready', feeds: ['si'] });
  }, 120_000);

  it('creates API keys that the server accepts, printed once', async () => {
    const { stdout } = await maas('key', 'create', '--role', 'agency', '--feed', 'subway');
    const key = stdout.trim();
    expect(key).toMatch(/^maas_[0-9a-f]{12}_/);
    const res = await fetch(`http://127.0.0.1:${server.port}/v1/feeds/si`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}` },
      body: 'x',
    });
    expect(res.status).toBe(403);
  });

  it('prints rider tokens the server verifies', async () => {
    const { stdout } = await maas('token', 'rider-7');
    const res = await fetch(`http://127.0.0.1:${server.port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${stdout.trim()}` },
      body: JSON.stringify({ query: '{ ok }' }),
    });
    expect(res.status).toBe(200);
    const bad = await fetch(`http://127.0.0.1:${server.port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${stdout.trim()}x` },
      body: JSON.stringify({ query: '{ ok }' }),
    });
    expect(bad.status).toBe(401);
  });

  it('rejects a bad role and a bad feed with a clear message', async () => {
    const stderrOf = async (...args: string[]) => {
      try {
        await maas(...args);
        return '';
      } catch (error) {
        return (error as { stderr: string }).stderr;
      }
    };
    expect(await stderrOf('key', 'create', '--role', 'root')).toMatch(/admin, agency or operator/);
    expect(await stderrOf('feed', 'import', 'si', path.join(dataDir, 'nope.zip'))).toMatch(
      /^maas: /m,
    );
  }, 60_000);
});
