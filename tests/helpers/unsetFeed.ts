import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import StreamZip from 'node-stream-zip';

/**
 * Unpacks a real GTFS zip into a temp folder with its `-999` placeholders ("not set", as some
 * editors export them, e.g. `continuous_pickup=-999` in the OpenTripPlanner test feeds) left
 * empty, which node-gtfs's schema requires; everything else is the feed as published.
 */
export async function feedWithoutPlaceholders(zipFile: string): Promise<string> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'streets-feed-'));
  const zip = new StreamZip.async({ file: zipFile });
  try {
    for (const entry of Object.values(await zip.entries())) {
      if (entry.isDirectory || !entry.name.endsWith('.txt')) continue;
      const text = (await zip.entryData(entry)).toString('utf8');
      const cleaned = text
        .split('\n')
        .map((line) =>
          line
            .split(',')
            .map((f) => (/^-999(\.0)?\r?$/.test(f) ? f.replace(/-999(\.0)?/, '') : f))
            .join(','),
        )
        .join('\n');
      const out = path.join(dir, path.basename(entry.name));
      mkdirSync(path.dirname(out), { recursive: true });
      writeFileSync(out, cleaned);
    }
  } finally {
    await zip.close();
  }
  return dir;
}
