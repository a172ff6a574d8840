import { vertexIndexOf } from './buildGraph.js';
import type { StreetGraph, StreetGraphMeta } from './graph.js';

const MAGIC = 'MAASSTR1';
/** Arrays stored, in order. */
const ARRAYS = [
  'vertexLat',
  'vertexLon',
  'arcStart',
  'arcHead',
  'arcMeters',
  'arcFlags',
  'arcSpeedKmh',
  'arcName',
] as const;
type ArrayKey = (typeof ARRAYS)[number];
const CTORS = {
  vertexLat: Float64Array,
  vertexLon: Float64Array,
  arcStart: Int32Array,
  arcHead: Int32Array,
  arcMeters: Float32Array,
  arcFlags: Uint8Array,
  arcSpeedKmh: Uint8Array,
  arcName: Int32Array,
} as const;

interface Header {
  meta: StreetGraphMeta;
  names: string[];
  maxSpeedKmh: number;
  vertexCount: number;
  lengths: Record<ArrayKey, number>;
}

/** Thrown when bytes are not a street graph this version can read. */
export class StreetGraphFormatError extends Error {}

/**
 * The graph as bytes: `MAASSTR1`, a u32 header length, a JSON header (meta, street names, array
 * lengths), then the typed arrays, each at an 8-byte boundary (little-endian, as the machine).
 */
export function encodeStreetGraph(g: StreetGraph): Uint8Array {
  const header: Header = {
    meta: g.meta,
    names: g.names,
    maxSpeedKmh: g.maxSpeedKmh,
    vertexCount: g.vertexCount,
    lengths: Object.fromEntries(ARRAYS.map((k) => [k, g[k].length])) as Record<ArrayKey, number>,
  };
  const json = new TextEncoder().encode(JSON.stringify(header));
  let size = align(12 + json.length);
  for (const k of ARRAYS) size = align(size + g[k].byteLength);
  const out = new Uint8Array(size);
  out.set(new TextEncoder().encode(MAGIC), 0);
  new DataView(out.buffer).setUint32(8, json.length, true);
  out.set(json, 12);
  let at = align(12 + json.length);
  for (const k of ARRAYS) {
    const a = g[k];
    out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), at);
    at = align(at + a.byteLength);
  }
  return out;
}

/** Reads bytes written by `encodeStreetGraph` (copies the arrays out; builds the spatial index). */
export function decodeStreetGraph(bytes: Uint8Array): StreetGraph {
  if (bytes.length < 12 || new TextDecoder().decode(bytes.subarray(0, 8)) !== MAGIC)
    throw new StreetGraphFormatError('not a street graph file');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const jsonLength = view.getUint32(8, true);
  if (12 + jsonLength > bytes.length)
    throw new StreetGraphFormatError('street graph file is truncated');
  const header = JSON.parse(
    new TextDecoder().decode(bytes.subarray(12, 12 + jsonLength)),
  ) as Header;
  let at = align(12 + jsonLength);
  const arrays = {} as { [K in ArrayKey]: InstanceType<(typeof CTORS)[K]> };
  for (const k of ARRAYS) {
    const Ctor = CTORS[k];
    const byteLength = header.lengths[k] * Ctor.BYTES_PER_ELEMENT;
    if (at + byteLength > bytes.length)
      throw new StreetGraphFormatError('street graph file is truncated');
    const copy = new Uint8Array(byteLength);
    copy.set(bytes.subarray(at, at + byteLength));
    (arrays as Record<string, unknown>)[k] = new Ctor(copy.buffer);
    at = align(at + byteLength);
  }
  return {
    meta: header.meta,
    names: header.names,
    maxSpeedKmh: header.maxSpeedKmh,
    vertexCount: header.vertexCount,
    ...arrays,
    vertexIndex: vertexIndexOf(arrays.vertexLat, arrays.vertexLon),
  };
}

function align(n: number): number {
  return (n + 7) & ~7;
}
