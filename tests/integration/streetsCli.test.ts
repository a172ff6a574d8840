import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { closeServices, createServices } from '../../src/createServices.js';
import type { Services } from '../../src/services.js';

const run = promisify(execFile);
const BIN = path.resolve(import.meta.dirname, '../../bin/maas.js');
const EXTRACT = new URL('../../../shared/osm/herrenberg-minimal.osm.pbf', import.meta.url).pathname;

describe.skipIf(!existsSync(EXTRACT))('maas streets import | list | remove', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'streets-cli-'));
  const env = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent', LOAD_SAMPLE: 'false' };
  const maas = (...args: string[]) =>
    run(process.execPath, [BIN, ...args], { env, timeout: 120_000 });
  let serving: Services;

  beforeAll(() => {
    // A server's services on the same folder, watching it as `maas serve` does.
    serving = createServices({ ...loadConfig({}), dataDir, logLevel: 'silent', loadSample: false });
  });
  afterAll(async () => {
    await closeServices(serving);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('imports an extract with progress on stderr; a watching server picks it up', async () => {
    const stop = await serving.streets.follow(100);
    try {
      const { stdout, stderr } = await maas('streets', 'import', 'herrenberg', EXTRACT);
      const out = JSON.parse(stdout) as { area: string; counts: { segments: number } };
      expect(out.area).toBe('herrenberg');
      expect(out.counts.segments).toBeGreaterThan(5000);
      expect(stderr).toMatch(/read: \d+ elements[\s\S]*build[\s\S]*store[\s\S]*done/);
      const list = await maas('streets', 'list');
      expect(list.stdout).toMatch(/^herrenberg\t\d+ segments\t/);
      for (let i = 0; i < 100 && serving.streets.network.graphs.length === 0; i++)
        await new Promise((r) => setTimeout(r, 50));
      expect(serving.streets.network.graphs[0]?.meta.counts.segments).toBe(out.counts.segments);
    } finally {
      stop();
    }
  });

  it('refuses a file that is not an extract, exit code 1 and a clear message, and keeps the graph', async () => {
    const bad = path.join(dataDir, 'feed.zip');
    writeFileSync(bad, 'PK\u0003\u0004 not an extract');
    await expect(maas('streets', 'import', 'herrenberg', bad)).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/not an OpenStreetMap extract/) as unknown,
    });
    expect((await maas('streets', 'list')).stdout).toMatch(/^herrenberg\t/);
  });

  it('removes an area', async () => {
    expect((await maas('streets', 'remove', 'herrenberg')).stdout).toMatch(/removed herrenberg/);
    expect((await maas('streets', 'list')).stdout).toBe('');
    await expect(maas('streets', 'remove', 'herrenberg')).rejects.toMatchObject({ code: 1 });
  });
});
