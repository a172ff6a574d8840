import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readExtract } from '../../src/osm/index.js';
import { StreetGraphBuilder, StreetNetwork, type StreetGraph } from '../../src/streets/index.js';
import { haversineMeters } from '../../src/transit/index.js';

/** A drawn node: id and position. */
export type DrawnNode = [id: number, lat: number, lon: number];
/** A drawn way: node ids and tags. */
export interface DrawnWay {
  nodes: number[];
  tags: Record<string, string>;
}

/** OSM XML (API 0.6) of drawn nodes and ways. */
export function osmXml(nodes: DrawnNode[], ways: DrawnWay[]): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<osm version="0.6" generator="test">',
    ...nodes.map(([id, lat, lon]) => `  <node id="${id}" lat="${lat}" lon="${lon}"/>`),
    ...ways.map((w, i) =>
      [
        `  <way id="${i + 1}">`,
        ...w.nodes.map((n) => `    <nd ref="${n}"/>`),
        ...Object.entries(w.tags).map(([k, v]) => `    <tag k="${esc(k)}" v="${esc(v)}"/>`),
        '  </way>',
      ].join('\n'),
    ),
    '</osm>',
  ].join('\n');
}

/** Imports drawn OSM XML through the real extract reader into a graph (small islands threshold). */
export async function graphOfXml(xml: string, minIslandVertices = 3): Promise<StreetGraph> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'streets-xml-'));
  try {
    const file = path.join(dir, 'drawn.osm');
    writeFileSync(file, xml);
    const builder = new StreetGraphBuilder();
    await readExtract(file, builder);
    return builder.build(
      { area: 'drawn', source: 'drawn.osm', importedAtMs: 0 },
      { minIslandVertices },
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A street network of drawn nodes and ways, and where each node is. */
export async function drawnNetwork(
  nodes: DrawnNode[],
  ways: DrawnWay[],
): Promise<{
  net: StreetNetwork;
  at: (id: number) => { lat: number; lon: number };
  along: (...ids: number[]) => number;
}> {
  const g = await graphOfXml(osmXml(nodes, ways));
  const byId = new Map(nodes.map(([id, lat, lon]) => [id, { lat, lon }]));
  const at = (id: number) => byId.get(id)!;
  // Metres along drawn nodes in order: the expected length of a route through them.
  const along = (...ids: number[]) =>
    ids.slice(1).reduce((sum, id, i) => {
      const a = at(ids[i]!);
      const b = at(id);
      return sum + haversineMeters(a.lat, a.lon, b.lat, b.lon);
    }, 0);
  return { net: new StreetNetwork([g]), at, along };
}
