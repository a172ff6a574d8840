import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { DateTime } from 'luxon';

const OFFSET = /(Z|[+-]\d{2}:?\d{2})$/i;

function parseDateTime(value: unknown): Date {
  if (typeof value !== 'string' || !OFFSET.test(value)) {
    throw new GraphQLError('DateTime must be ISO-8601 with an offset, e.g. 2026-12-01T08:00:00-05:00', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
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
    if (value instanceof Date) return DateTime.fromJSDate(value).toUTC().toISO({ suppressMilliseconds: true })!;
    throw new GraphQLError('DateTime cannot represent this value');
  },
  parseValue: parseDateTime,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('DateTime must be a string', { extensions: { code: 'BAD_USER_INPUT' } });
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
