import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { DateTime } from 'luxon';

const OFFSET = /(Z|[+-]\d{2}:?\d{2})$/i;

/** The usual extended form, `YYYY-MM-DDThh:mm[:ss[.fff]](Z|±hh:mm)`, parsed without luxon (hot: every departures and plan). */
const EXTENDED =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:(Z)|([+-])(\d{2}):(\d{2}))$/i;

function parseExtended(value: string): Date | undefined {
  const m = EXTENDED.exec(value);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(
    Number,
  ) as [number, number, number, number, number, number];
  const offsetHours = Number(m[10] ?? 0);
  const offsetMinutes = Number(m[11] ?? 0);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysInMonth ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  )
    return undefined;
  if (offsetHours > 23 || offsetMinutes > 59) return undefined;
  const fraction = m[7] ? Math.floor(Number(`0.${m[7]}`) * 1000) : 0;
  const sign = m[9] === '-' ? -1 : 1;
  const utc =
    Date.UTC(year, month - 1, day, hour, minute, second, fraction) -
    sign * (offsetHours * 60 + offsetMinutes) * 60_000;
  // Years 0-99 would be taken as 1900-1999 by Date.UTC; luxon handles those.
  return year >= 100 ? new Date(utc) : undefined;
}

function parseDateTime(value: unknown): Date {
  if (typeof value !== 'string' || !OFFSET.test(value)) {
    throw new GraphQLError(
      'DateTime must be ISO-8601 with an offset, e.g. 2026-12-01T08:00:00-05:00',
      {
        extensions: { code: 'BAD_USER_INPUT' },
      },
    );
  }
  const fast = parseExtended(value);
  if (fast) return fast;
  const parsed = DateTime.fromISO(value, { setZone: true });
  if (!parsed.isValid) {
    throw new GraphQLError(`DateTime "${value}" is not a valid ISO-8601 instant`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return parsed.toJSDate();
}

/** ISO-8601 instants with a required offset. Type resolvers format outputs in the right zone. */
export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  serialize(value) {
    if (typeof value === 'string') return value;
    if (value instanceof Date)
      return DateTime.fromJSDate(value).toUTC().toISO({ suppressMilliseconds: true })!;
    throw new GraphQLError('DateTime cannot represent this value');
  },
  parseValue: parseDateTime,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING)
      throw new GraphQLError('DateTime must be a string', {
        extensions: { code: 'BAD_USER_INPUT' },
      });
    return parseDateTime(ast.value);
  },
});

/** Calendar dates, `YYYY-MM-DD`. */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  serialize(value) {
    if (typeof value !== 'string') throw new GraphQLError('Date cannot represent this value');
    return value;
  },
  parseValue(value) {
    if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
      throw new GraphQLError('Date must be YYYY-MM-DD', { extensions: { code: 'BAD_USER_INPUT' } });
    }
    return value;
  },
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING || !/^\d{4}-\d{2}-\d{2}$/.test(ast.value)) {
      throw new GraphQLError('Date must be YYYY-MM-DD', { extensions: { code: 'BAD_USER_INPUT' } });
    }
    return ast.value;
  },
});
