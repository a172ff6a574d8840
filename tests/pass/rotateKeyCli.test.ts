/**
 * `maas pass rotate-key` on the data folder of a running server: the server publishes the new key
 * next to the old one at once, and signs with the new one. With DATABASE_URL, the CLI rotates the
 * shared key from any data folder, and two rotations at once leave one signing key.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { startServer } from '../../src/main.js';
import {
  createTestDatabase,
  TEST_PG_URL,
  type TestDatabase,
  replicaConfig,
} from '../helpers/pg.js';

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

describe.runIf(TEST_PG_URL)('maas pass rotate-key with DATABASE_URL', () => {
  const serverDir = mkdtempSync(path.join(os.tmpdir(), 'passpg-server-'));
  const cliDir = mkdtempSync(path.join(os.tmpdir(), 'passpg-cli-'));
  let database: TestDatabase;
  let server: Awaited<ReturnType<typeof startServer>>;
  const kids = async () => {
    const res = await fetch(`http://127.0.0.1:${server.port}/.well-known/jwks.json`);
    return ((await res.json()) as { keys: { kid: string }[] }).keys.map((k) => k.kid).sort();
  };
  const rotate = async () => {
    // The CLI's data folder is another one: the key lives in the shared database.
    const env = {
      ...process.env,
      DATA_DIR: cliDir,
      DATABASE_URL: database.url,
      LOG_LEVEL: 'silent',
    };
    const { stdout } = await run(process.execPath, [BIN, 'pass', 'rotate-key'], {
      env,
      timeout: 60_000,
    });
    return /signing with key ([\w-]+)/.exec(stdout)?.[1];
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    server = await startServer(replicaConfig(serverDir, database.url));
  }, 60_000);
  afterAll(async () => {
    await server.close();
    await database.drop();
    rmSync(serverDir, { recursive: true, force: true });
    rmSync(cliDir, { recursive: true, force: true });
  });

  it("rotates the shared key: the server publishes the CLI's key; two rotations at once leave one signing key", async () => {
    const [first] = await kids();
    expect(first).toMatch(/^[\w-]{12}$/);
    const kid = await rotate();
    expect(kid).toMatch(/^[\w-]{12}$/);
    expect(kid).not.toBe(first);
    expect(await kids()).toEqual([kid]);
    const both = await Promise.all([rotate(), rotate()]);
    expect(new Set(both).size).toBe(2);
    const sql = postgres(database.url, { max: 1 });
    const rows = await sql<{ kid: string }[]>`SELECT kid FROM pass_keys WHERE retired_at IS NULL`;
    await sql.end();
    expect(rows).toHaveLength(1);
    expect(both).toContain(rows[0]!.kid);
    expect(await kids()).toEqual([rows[0]!.kid]);
  }, 120_000);
});
