import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

/** Once per run: the folder of feeds imported once (helpers/feedCache.ts), removed at the end. */
export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'maas-test-feed-cache-'));
  project.provide('feedCacheDir', dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
