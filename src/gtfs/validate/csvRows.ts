import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { CsvError, parse } from 'csv-parse';
import { FeedInvalidError } from '../errors.js';

/** Called once per data row with its fields and its 1-based line in the file (the header is line 1). */
export type RowHandler = (fields: readonly string[], line: number) => void;

/** Column name → position; a column the file lacks is -1, and `fields[-1]` reads as undefined. */
export type ColumnIndex<C extends string> = Record<C, number>;

/**
 * Streams `dir/file` row by row without keeping rows: `onHeader` gets the trimmed column names and
 * returns the row handler. Resolves with the number of data rows. A malformed CSV, or a row whose
 * field count differs from the header's, rejects with a FeedInvalidError naming the file and line.
 * Parsing matches node-gtfs's (BOM stripped, fields trimmed, blank lines skipped).
 */
export async function forEachRow(
  dir: string,
  file: string,
  onHeader: (columns: readonly string[]) => RowHandler,
): Promise<number> {
  let onRow: RowHandler | undefined;
  let width = 0;
  let rows = 0;
  let nextLine = 1;
  // csv-parse's per-record `info` costs more than the parsing itself on 800k rows, so lines are
  // counted here: one per record plus any newline inside a quoted field; blank lines arrive as [''].
  const handle = (record: string[]): void => {
    const line = nextLine;
    nextLine += 1 + newlinesIn(record);
    if (record.length === 1 && record[0] === '') return;
    if (onRow === undefined) {
      width = record.length;
      onRow = onHeader(record);
      return;
    }
    if (record.length !== width) {
      const problem = `has ${record.length} fields, the header has ${width}`;
      throw new FeedInvalidError(`${file} line ${line}: row ${problem}`, file, line);
    }
    rows++;
    onRow(record, line);
  };
  await new Promise<void>((resolve, reject) => {
    const input = createReadStream(join(dir, file));
    const parser = parse({ bom: true, trim: true, relax_quotes: true, relax_column_count: true });
    const fail = (error: unknown): void => {
      input.destroy();
      parser.destroy();
      reject(toFeedError(error, file));
    };
    input.on('error', fail);
    parser.on('error', fail);
    parser.on('readable', () => {
      try {
        let record: string[] | null;
        while ((record = parser.read() as string[] | null) !== null) handle(record);
      } catch (error) {
        fail(error);
      }
    });
    parser.on('end', resolve);
    input.pipe(parser);
  });
  if (onRow === undefined)
    throw new FeedInvalidError(`${file}: file is empty (no header row)`, file);
  return rows;
}

/** Positions of `wanted` columns in a header; throws naming the first missing `required` one. */
export function indexColumns<C extends string>(
  file: string,
  header: readonly string[],
  wanted: readonly C[],
  required: readonly C[],
): ColumnIndex<C> {
  for (const name of required) {
    if (!header.includes(name)) {
      throw new FeedInvalidError(`${file} line 1: missing required column "${name}"`, file, 1);
    }
  }
  const index = {} as ColumnIndex<C>;
  for (const name of wanted) index[name] = header.indexOf(name);
  return index;
}

function newlinesIn(record: readonly string[]): number {
  let count = 0;
  for (const field of record) {
    for (let i = field.indexOf('\n'); i !== -1; i = field.indexOf('\n', i + 1)) count++;
  }
  return count;
}

function toFeedError(error: unknown, file: string): Error {
  if (error instanceof FeedInvalidError) return error;
  if (error instanceof CsvError) {
    const line = (error as CsvError & { lines?: number }).lines;
    const where = line === undefined ? file : `${file} line ${line}`;
    return new FeedInvalidError(`${where}: malformed CSV (${error.message})`, file, line);
  }
  return error instanceof Error ? error : new Error(String(error));
}
