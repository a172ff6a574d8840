import { asc, eq, sql } from 'drizzle-orm';
import { pgSchema, type PgDb } from '../../db/index.js';
import type { StreetGraphMeta } from '../../streets/index.js';
import type { StreetStore } from '../streetStore.js';

const g = pgSchema.streetGraphs;
/** Every import and removal notifies this channel (payload: the area). */
const STREETS_CHANNEL = 'streets_changed';
/**
 * Bytes of a graph per statement, default 4 MiB. postgres.js sends and receives bytea as hex
 * text, so one statement holds about five times its slice in memory: a graph of tens of MB goes
 * through in slices rather than in one parameter or one row.
 */
const SLICE_BYTES = 4 * 1024 * 1024;

/**
 * The street graphs in the shared database (DESIGN.md §9): one row per area, replaced in one
 * transaction that announces it on `streets_changed`, so every replica swaps it in.
 */
export function pgStreetStore(db: PgDb, options: { sliceBytes?: number } = {}): StreetStore {
  const slice = options.sliceBytes ?? SLICE_BYTES;
  return {
    list: async () =>
      (await db.select({ meta: g.meta }).from(g).orderBy(asc(g.area))).map(
        (row) => row.meta as unknown as StreetGraphMeta,
      ),
    // One snapshot for all slices: a graph replaced meanwhile is read whole, old or new.
    read: (area) =>
      db.transaction(
        async (tx) => {
          const part = (at: number) =>
            sql<Buffer>`substring(${g.bytes} from ${at + 1} for ${slice})`.as('part');
          const [first] = await tx
            .select({ length: sql<number>`octet_length(${g.bytes})`.as('length'), part: part(0) })
            .from(g)
            .where(eq(g.area, area));
          if (!first) return undefined;
          const bytes = new Uint8Array(first.length);
          bytes.set(first.part);
          for (let at = slice; at < bytes.length; at += slice) {
            const [next] = await tx
              .select({ part: part(at) })
              .from(g)
              .where(eq(g.area, area));
            if (!next) throw new Error(`street graph "${area}" vanished while being read`);
            bytes.set(next.part, at);
          }
          return bytes;
        },
        { isolationLevel: 'repeatable read', accessMode: 'read only' },
      ),
    // The slices go to a temporary table and are joined once (appending to the row slice by
    // slice would rewrite it each time); readers see the previous graph until the commit.
    write: async (meta, bytes) => {
      await db.transaction(async (tx) => {
        await tx.execute(
          sql`CREATE TEMP TABLE street_graph_upload (seq int PRIMARY KEY, part bytea NOT NULL) ON COMMIT DROP`,
        );
        for (let at = 0; at < bytes.length; at += slice) {
          const part = Buffer.from(
            bytes.buffer,
            bytes.byteOffset + at,
            Math.min(slice, bytes.length - at),
          );
          await tx.execute(sql`INSERT INTO street_graph_upload VALUES (${at / slice}, ${part})`);
        }
        await tx.execute(sql`
          INSERT INTO ${g} (area, meta, bytes, imported_at)
          SELECT ${meta.area}, ${JSON.stringify(meta)}::jsonb,
                 coalesce(string_agg(part, ''::bytea ORDER BY seq), ''::bytea),
                 ${new Date(meta.importedAtMs).toISOString()}::timestamptz
          FROM street_graph_upload
          ON CONFLICT (area) DO UPDATE
            SET meta = excluded.meta, bytes = excluded.bytes, imported_at = excluded.imported_at`);
        await tx.execute(sql`SELECT pg_notify(${STREETS_CHANNEL}, ${meta.area})`);
      });
    },
    remove: (area) =>
      db.transaction(async (tx) => {
        const gone = await tx.delete(g).where(eq(g.area, area)).returning({ area: g.area });
        if (gone.length === 0) return false;
        await tx.execute(sql`SELECT pg_notify(${STREETS_CHANNEL}, ${area})`);
        return true;
      }),
    listen: async (onChange) => {
      const meta = await db.$client.listen(STREETS_CHANNEL, () => onChange(), onChange);
      return () => meta.unlisten();
    },
  };
}
