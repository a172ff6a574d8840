import { open, readFile, stat } from 'node:fs/promises';
import { XMLParser } from 'fast-xml-parser';
import { createOSMStream } from 'osm-pbf-parser-node';
import { BadInputError } from '../errors.js';
import type { OsmTags, StreetGraphBuilder } from '../streets/index.js';

/** Progress of reading or importing an extract, for the CLI. */
export interface StreetImportProgress {
  phase: 'read' | 'build' | 'store' | 'done';
  /** Nodes and ways read so far. */
  elements?: number;
}

/** What an extract file holds, judged by its first bytes. */
export type ExtractFormat = 'pbf' | 'xml';

/** The format of `head` (the file's first bytes), or undefined when it is neither PBF nor OSM XML. */
export function extractFormat(head: Uint8Array): ExtractFormat | undefined {
  const text = new TextDecoder('latin1').decode(head);
  // A PBF file starts with a 4-byte header length and a BlobHeader whose type is "OSMHeader".
  if (head.length >= 16 && text.slice(4, 64).includes('OSMHeader')) return 'pbf';
  if (/^\s*(<\?xml[^>]*>\s*)?<osm[\s>]/.test(text.replace(/^\uFEFF/, ''))) return 'xml';
  return undefined;
}

/**
 * Feeds the nodes and ways of an OpenStreetMap extract (`.osm.pbf`, or `.osm` XML) into `builder`.
 * A file that is empty, of another kind, truncated or corrupt is BAD_USER_INPUT saying so.
 */
export async function readExtract(
  file: string,
  builder: StreetGraphBuilder,
  onProgress?: (p: StreetImportProgress) => void,
): Promise<ExtractFormat> {
  const size = (await stat(file)).size;
  if (size === 0) throw new BadInputError('the extract is empty (0 bytes)');
  const fd = await open(file, 'r');
  const head = new Uint8Array(256);
  try {
    await fd.read(head, 0, head.length, 0);
  } finally {
    await fd.close();
  }
  const format = extractFormat(head.subarray(0, Math.min(size, head.length)));
  if (!format)
    throw new BadInputError(
      'not an OpenStreetMap extract: expected an .osm.pbf (or .osm XML) file',
    );
  if (format === 'xml') readXml(await readFile(file, 'utf8'), builder);
  else await readPbf(file, builder, onProgress);
  onProgress?.({ phase: 'read', elements: builder.wayCount });
  return format;
}

async function readPbf(
  file: string,
  builder: StreetGraphBuilder,
  onProgress?: (p: StreetImportProgress) => void,
): Promise<void> {
  let elements = 0;
  try {
    for await (const item of createOSMStream(file, {
      withTags: { node: false, way: true, relation: false },
    })) {
      const el = item as {
        type?: string;
        id: number;
        lat: number;
        lon: number;
        refs: number[];
        tags?: OsmTags;
      };
      if (el.type === 'node') builder.addNode(el.id, el.lat, el.lon);
      else if (el.type === 'way') builder.addWay(el.refs, el.tags ?? {});
      if (++elements % 200_000 === 0) onProgress?.({ phase: 'read', elements });
    }
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new BadInputError(`the .osm.pbf file is truncated or corrupt (${why})`);
  }
}

type XmlTag = { k: string; v: string };
type XmlNode = { id: string; lat: string; lon: string };
type XmlWay = { id: string; nd?: { ref: string }[]; tag?: XmlTag[] };

function readXml(text: string, builder: StreetGraphBuilder): void {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    isArray: (name) => ['node', 'way', 'nd', 'tag', 'relation', 'member'].includes(name),
  });
  let doc: { osm?: { node?: XmlNode[]; way?: XmlWay[] } };
  // The parser reads what it can of a cut-off document; a whole one ends with its root element.
  if (!/<\/osm>\s*$/.test(text) && !/<osm[^>]*\/>\s*$/.test(text))
    throw new BadInputError('the .osm XML file is truncated (no closing </osm>)');
  try {
    doc = parser.parse(text) as typeof doc;
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new BadInputError(`the .osm XML file is truncated or corrupt (${why})`);
  }
  if (!doc.osm) throw new BadInputError('the .osm XML file has no <osm> element');
  for (const n of doc.osm.node ?? []) builder.addNode(Number(n.id), Number(n.lat), Number(n.lon));
  for (const w of doc.osm.way ?? []) {
    const tags: Record<string, string> = {};
    for (const t of w.tag ?? []) tags[t.k] = t.v;
    builder.addWay(
      (w.nd ?? []).map((nd) => Number(nd.ref)),
      tags,
    );
  }
}
