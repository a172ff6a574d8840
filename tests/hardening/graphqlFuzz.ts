import fc from 'fast-check';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';

/** One root field of the schema, as an operation the fuzzer can send. */
export interface RootOperation {
  kind: 'query' | 'mutation';
  field: GraphQLField<unknown, unknown>;
  /** The selection set on its result, every field without required arguments, `depth` objects deep. */
  selection: string;
}

/** Values the fuzzer draws from besides random ones; `ids` grows with every id seen in a response. */
export interface FuzzPools {
  ids: string[];
  /** Ids seen in responses by their `__typename` (e.g. `Itinerary`), for arguments that name one. */
  idsByType: Map<string, string[]>;
  /** Parking facility ids, the contended one first. */
  facilityIds: string[];
  /** Starts and ends of windows that all overlap, so that capacity is contended. */
  contendedStarts: string[];
  contendedEnds: string[];
  feedIds: string[];
  /** DateTimes inside the sample feed's service and the fixed clock's days. */
  dateTimes: string[];
  /** Plausible values of named input types that random fields rarely hit (e.g. exactly one of two), from the generic record. */
  inputHints?: Record<
    string,
    (record: fc.Arbitrary<Record<string, unknown>>) => fc.Arbitrary<unknown>
  >;
}

/** Every query and mutation field of the schema (subscriptions are streams and left out). */
export function rootOperations(schema: GraphQLSchema, depth = 3): RootOperation[] {
  const ops: RootOperation[] = [];
  for (const [kind, type] of [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
  ] as const) {
    for (const field of Object.values(type?.getFields() ?? {})) {
      if (field.name.startsWith('_')) continue;
      ops.push({ kind, field, selection: selectionOf(field.type, depth) });
    }
  }
  return ops;
}

function selectionOf(type: GraphQLOutputType, depth: number): string {
  const named = getNamedType(type);
  if (isLeafType(named)) return '';
  if (!isObjectType(named)) return '{ __typename }';
  const parts: string[] = [];
  for (const f of Object.values(named.getFields())) {
    const needsArgs = f.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined);
    if (needsArgs) continue;
    const inner = getNamedType(f.type);
    if (isLeafType(inner)) parts.push(f.name);
    else if (depth > 1) parts.push(`${f.name} ${selectionOf(f.type, depth - 1)}`);
  }
  return `{ __typename ${parts.join(' ')} }`;
}

/** An operation document with its variables, or with the values written inline as literals. */
export function documentOf(
  op: RootOperation,
  args: Record<string, unknown>,
  inline: boolean,
): { query: string; variables: Record<string, unknown> } {
  const given = op.field.args.filter((a) => args[a.name] !== undefined);
  if (inline) {
    const list = given.map((a) => `${a.name}: ${literalOf(args[a.name], a.type)}`).join(', ');
    return {
      query: `${op.kind} Fuzz { ${op.field.name}${list ? `(${list})` : ''} ${op.selection} }`,
      variables: {},
    };
  }
  const decls = given.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const uses = given.map((a) => `${a.name}: $${a.name}`).join(', ');
  return {
    query: `${op.kind} Fuzz${decls ? `(${decls})` : ''} { ${op.field.name}${uses ? `(${uses})` : ''} ${op.selection} }`,
    variables: Object.fromEntries(given.map((a) => [a.name, args[a.name]])),
  };
}

/** A GraphQL literal for any JSON-ish value; enum-looking strings of enum types are written bare. */
function literalOf(value: unknown, type: GraphQLInputType | undefined): string {
  const named = type ? getNamedType(type) : undefined;
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') {
    return isEnumType(named) && /^[_A-Za-z][_0-9A-Za-z]*$/.test(value)
      ? value
      : JSON.stringify(value);
  }
  if (typeof value === 'number')
    return Number.isFinite(value) ? String(value) : JSON.stringify(String(value));
  if (typeof value === 'boolean') return String(value);
  const inner = type && (isNonNullType(type) ? type.ofType : type);
  if (Array.isArray(value)) {
    const of = inner && isListType(inner) ? inner.ofType : undefined;
    return `[${value.map((v) => literalOf(v, of)).join(', ')}]`;
  }
  const fields = isInputObjectType(named) ? named.getFields() : {};
  return `{ ${Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}: ${literalOf(v, fields[k]?.type)}`)
    .join(', ')} }`;
}

const HOSTILE_STRINGS = [
  '',
  ' ',
  'x'.repeat(20_000),
  "'; DROP TABLE parking_reservations; --",
  '%_%',
  '\u0000',
  '\uD800',
  '../../../etc/passwd',
  '{"a":1}',
  'NaN',
  'Infinity',
  '-0',
  '1e309',
  'sample:',
  ':',
  'si:',
];
const HOSTILE_NUMBERS = [
  0,
  -0,
  -1,
  1.5,
  -2_147_483_648,
  2_147_483_647,
  2_147_483_648,
  1e308,
  -1e308,
  5e-324,
  2 ** 53 + 1,
  -(2 ** 53),
];
const HOSTILE_DATETIMES = [
  '2026-02-30T10:00:00Z',
  '2026-12-01T25:00:00Z',
  '2026-12-01T08:00:00',
  '2026-12-01',
  '+275760-09-13T00:00:00Z',
  '-271821-04-20T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '0000-01-01T00:00:00Z',
  '1970-01-01T00:00:00Z',
  '2026-12-01T08:00:00+99:99',
  'now',
];

/** Anything of the wrong type, for any position. */
function wrongType(): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.constantFrom(...HOSTILE_STRINGS),
    fc.constantFrom(...HOSTILE_NUMBERS),
    fc.boolean(),
    fc.constant({}),
    fc.constant([]),
    fc.constant({ nested: { deeper: [1, 'x', null] } }),
    fc.string({ maxLength: 30 }),
  );
}

function pick<T>(pool: () => T[], fallback: T): fc.Arbitrary<T> {
  return fc.nat().map((i) => {
    const p = pool();
    return p.length > 0 ? p[i % p.length]! : fallback;
  });
}

/** Plausible values for a scalar, guided by the argument or field name. */
function plausibleScalar(scalar: string, name: string, pools: FuzzPools): fc.Arbitrary<unknown> {
  const lower = name.toLowerCase();
  switch (scalar) {
    case 'Int':
      if (lower === 'first') return fc.integer({ min: -2, max: 120 });
      if (lower === 'maxtransfers' || lower === 'numitineraries')
        return fc.integer({ min: -1, max: 12 });
      if (lower === 'transferslack') return fc.integer({ min: -1, max: 4000 });
      if (lower === 'maxwalkmeters') return fc.integer({ min: -1, max: 6000 });
      if (lower.includes('meters')) return fc.integer({ min: -10, max: 60_000 });
      if (lower.includes('spaces')) return fc.integer({ min: -1, max: 60 });
      return fc.integer({ min: -5, max: 4000 });
    case 'Float':
      if (lower === 'lat') return fc.double({ min: 40.5, max: 40.66, noNaN: true });
      if (lower === 'lon') return fc.double({ min: -74.25, max: -74.05, noNaN: true });
      if (lower === 'walkspeed') return fc.integer({ min: 0, max: 120 }).map((n) => n / 10);
      return fc.double({ min: -5, max: 200, noNaN: true });
    case 'Boolean':
      return fc.boolean();
    case 'DateTime':
      if (lower === 'startsat')
        return fc.oneof(
          { weight: 4, arbitrary: fc.constantFrom(...pools.contendedStarts) },
          { weight: 1, arbitrary: pick(() => pools.dateTimes, '') },
        );
      if (lower === 'endsat')
        return fc.oneof(
          { weight: 4, arbitrary: fc.constantFrom(...pools.contendedEnds) },
          { weight: 1, arbitrary: pick(() => pools.dateTimes, '') },
        );
      return pick(() => pools.dateTimes, '2026-12-01T08:00:00-05:00');
    case 'Date':
      return fc.constantFrom('2026-12-01', '2026-12-02', '2026-13-45', '1900-01-01');
    case 'File':
      return fc.constant('not a file');
    case 'ID':
      if (lower.includes('feed')) return pick(() => pools.feedIds, 'si');
      if (lower === 'itineraryid')
        return fc.oneof(
          { weight: 4, arbitrary: pick(() => pools.idsByType.get('Itinerary') ?? [], 'x') },
          { weight: 1, arbitrary: pick(() => pools.ids, 'x') },
        );
      if (lower === 'facilityid')
        return fc.oneof(
          { weight: 4, arbitrary: fc.constantFrom(...pools.facilityIds) },
          { weight: 1, arbitrary: pick(() => pools.ids, 'x') },
        );
      return fc.oneof(
        { weight: 6, arbitrary: pick(() => pools.ids, 'si:200001') },
        { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
      );
    default:
      if (lower.includes('key')) return fc.string({ minLength: 1, maxLength: 6 });
      if (lower.includes('currency')) return fc.constantFrom('USD', 'EUR', 'XXX', 'usd', '');
      if (lower.includes('hours'))
        return fc.constantFrom('24/7', 'Mo-Fr 06:00-22:00', 'garbage(', 'PH off');
      if (lower.includes('timezone'))
        return fc.constantFrom('America/New_York', 'Europe/Paris', 'Mars/Base');
      return fc.oneof(
        fc.string({ maxLength: 20 }),
        pick(() => pools.ids, 'x'),
      );
  }
}

function hostileScalar(scalar: string): fc.Arbitrary<unknown> {
  if (scalar === 'DateTime' || scalar === 'Date')
    return fc.oneof(fc.constantFrom(...HOSTILE_DATETIMES), wrongType());
  return wrongType();
}

/**
 * Values for an input type. Plausible ones keep to the right types and near-valid values (so that
 * the domain rules are reached); hostile ones also draw nulls for required values, wrong types,
 * out-of-range numbers, bad dates and unknown fields.
 */
export function valueOf(
  type: GraphQLInputType,
  name: string,
  pools: FuzzPools,
  hostile: boolean,
  depth = 0,
): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) {
    const inner = presentValueOf(type.ofType, name, pools, hostile, depth);
    return hostile
      ? fc.oneof(
          { weight: 12, arbitrary: inner },
          { weight: 1, arbitrary: fc.constantFrom(null, undefined) },
        )
      : inner;
  }
  const present = presentValueOf(type, name, pools, hostile, depth);
  return fc.oneof(
    { weight: 8, arbitrary: present },
    { weight: 2, arbitrary: fc.constant(undefined) },
    { weight: hostile ? 1 : 0, arbitrary: fc.constant(null) },
  );
}

function presentValueOf(
  type: GraphQLInputType,
  name: string,
  pools: FuzzPools,
  hostile: boolean,
  depth: number,
): fc.Arbitrary<unknown> {
  const wrong = hostile ? 1 : 0;
  if (isNonNullType(type)) return valueOf(type, name, pools, hostile, depth);
  if (isListType(type)) {
    const item = valueOf(type.ofType, name, pools, hostile, depth + 1);
    return fc.oneof(
      { weight: 8, arbitrary: fc.array(item, { maxLength: 4 }) },
      { weight: wrong, arbitrary: item },
      { weight: wrong, arbitrary: wrongType() },
    );
  }
  if (isEnumType(type)) {
    return fc.oneof(
      { weight: 10, arbitrary: fc.constantFrom(...type.getValues().map((v) => v.name)) },
      { weight: wrong, arbitrary: wrongType() },
    );
  }
  if (isInputObjectType(type)) {
    if (depth > 4) return fc.constant({});
    const fields = Object.values(type.getFields());
    const record = fc.record(
      Object.fromEntries(
        fields.map((f) => [f.name, valueOf(f.type, f.name, pools, hostile, depth + 1)]),
      ),
    );
    const hint = pools.inputHints?.[type.name];
    if (hint && !hostile) return hint(record);
    return fc.oneof(
      { weight: 12, arbitrary: record },
      { weight: wrong, arbitrary: record.map((r) => ({ ...r, unexpectedField: 1 })) },
      { weight: wrong, arbitrary: wrongType() },
    );
  }
  return fc.oneof(
    { weight: 5, arbitrary: plausibleScalar(type.name, name, pools) },
    { weight: 2 * wrong, arbitrary: hostileScalar(type.name) },
  );
}

/** Argument values of a root field: two times in three plausible, else hostile. */
export function argsOf(op: RootOperation, pools: FuzzPools): fc.Arbitrary<Record<string, unknown>> {
  const args = (hostile: boolean) =>
    fc.record(
      Object.fromEntries(
        op.field.args.map((a) => [a.name, valueOf(a.type, a.name, pools, hostile)]),
      ),
    );
  return fc.oneof({ weight: 2, arbitrary: args(false) }, { weight: 1, arbitrary: args(true) });
}

/** Every string value of a field named `id` in a response, by the `__typename` beside it, to feed back into later requests. */
export function collectIds(value: unknown, into: Map<string, Set<string>>): void {
  if (Array.isArray(value)) {
    for (const v of value) collectIds(v, into);
  } else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.id === 'string') {
      const type = typeof record.__typename === 'string' ? record.__typename : 'unknown';
      let ids = into.get(type);
      if (!ids) into.set(type, (ids = new Set()));
      ids.add(record.id);
    }
    for (const v of Object.values(record)) collectIds(v, into);
  }
}
