import cluster from 'node:cluster';
import { Command, InvalidArgumentError } from 'commander';
import cliProgress from 'cli-progress';
import { createApiKey, type KeyRole } from './auth/index.js';
import { loadConfig } from './config.js';
import { systemClock } from './clock.js';
import {
  closeServices,
  createServices,
  openSharedStore,
  type SharedStore,
} from './createServices.js';
import type { Services } from './services.js';
import { setRealtimeSource } from './realtime/index.js';

const program = new Command('maas').description(
  'MaaS trip planner: GraphQL server and admin CLI (data in $DATA_DIR, default ./data)',
);

const sharedOf = new WeakMap<Services, SharedStore>();

/** The services the CLI works on: the data folder, and DATABASE_URL's database when set. */
async function services(): Promise<Services> {
  const config = { ...loadConfig(), logLevel: process.env.LOG_LEVEL ?? 'warn' };
  const shared = await openSharedStore(config);
  const s = createServices(config, systemClock, shared);
  if (shared) sharedOf.set(s, shared);
  return s;
}

function close(s: Services): Promise<void> {
  return closeServices(s, sharedOf.get(s));
}

program
  .command('serve')
  .description(
    'serve GraphQL on $HOST:$PORT (default 0.0.0.0:4000), in $WORKERS processes (default 1; auto: one per core)',
  )
  .action(async () => {
    const config = loadConfig();
    // The HTTP stack (yoga, graphql-tools, hono: some 500 modules) loads only to serve: the
    // admin commands start in half the time without it.
    if (config.workers > 1 && cluster.isPrimary) {
      const { runPrimary } = await import('./cluster/index.js');
      runPrimary(config);
      return;
    }
    const { startServer } = await import('./main.js');
    const server = await startServer(config);
    const stop = () => void server.close().then(() => process.exit(0));
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });

const feed = program.command('feed').description('manage GTFS feeds');
feed
  .command('import')
  .argument('<feedId>', 'feed id, e.g. si')
  .argument('<source>', 'GTFS zip, folder, or http(s) URL')
  .description('import a new version of a feed (a running server picks it up at its next start)')
  .action(async (feedId: string, source: string) => {
    const s = await services();
    const bar = new cliProgress.SingleBar(
      // Without a TTY (CI, pipes) the bar still prints a line every few seconds and at the end.
      {
        format: '{phase} [{bar}] {percentage}%',
        stream: process.stderr,
        hideCursor: true,
        noTTYOutput: true,
        notTTYSchedule: 2000,
      },
      cliProgress.Presets.shades_classic,
    );
    bar.start(100, 0, { phase: 'unpack' });
    try {
      // The feed is compiled as a server would, with its footpaths on the stored streets.
      await s.streets.loadAll();
      const { row, feed, warnings } = await s.feeds.importFeed(feedId, source, (p) => {
        bar.update(Math.round((p.fraction ?? 0) * 100), { phase: p.phase });
      });
      bar.update(100, { phase: 'done' });
      bar.stop();
      for (const w of warnings) console.error(`warning: ${w.text}`);
      console.log(JSON.stringify({ feed: row.id, version: row.version, counts: feed.counts }));
    } catch (error) {
      bar.stop();
      throw error;
    } finally {
      await close(s);
    }
  });
feed
  .command('realtime')
  .argument('<feedId>', 'feed id, e.g. si')
  .option('--trip-updates <url>', 'GTFS-Realtime TripUpdates URL')
  .option('--vehicle-positions <url>', 'GTFS-Realtime VehiclePositions URL')
  .option('--alerts <url>', 'GTFS-Realtime Alerts URL')
  .option('--interval <seconds>', 'seconds between polls (default 30)', (v: string) => {
    const n = Number(v);
    if (!Number.isInteger(n)) throw new InvalidArgumentError('a whole number of seconds');
    return n;
  })
  .option('--remove', 'stop polling the feed (forget its URLs)')
  .description(
    'set the realtime URLs polled for a feed (in app.sqlite, or DATABASE_URL: the leader polls them); a running server follows within 5 s',
  )
  .action(
    async (
      feedId: string,
      opts: {
        tripUpdates?: string;
        vehiclePositions?: string;
        alerts?: string;
        interval?: number;
        remove?: boolean;
      },
    ) => {
      const s = await services();
      try {
        if (opts.remove) {
          if (!(await s.realtimeSources.remove(feedId)))
            throw new Error(`feed "${feedId}" has no realtime source`);
          console.log(`removed the realtime source of ${feedId}`);
          return;
        }
        const row = await setRealtimeSource(
          s.realtimeSources,
          {
            feedId,
            tripUpdatesUrl: opts.tripUpdates,
            vehiclePositionsUrl: opts.vehiclePositions,
            alertsUrl: opts.alerts,
            intervalSeconds: opts.interval,
          },
          new Date(s.clock.nowMs()),
        );
        console.log(JSON.stringify(row));
      } finally {
        await close(s);
      }
    },
  );
feed
  .command('list')
  .description('list the feeds of this data folder (DATABASE_URL: of the shared registry)')
  .action(async () => {
    const s = await services();
    try {
      for (const row of await s.feeds.registry()) {
        console.log(
          `${row.id}\tv${row.version}\t${row.importedAt.toISOString()}\t${row.source ?? ''}`,
        );
      }
    } finally {
      await close(s);
    }
  });
feed
  .command('remove')
  .argument('<feedId>')
  .description('stop serving a feed and delete its data')
  .action(async (feedId: string) => {
    const s = await services();
    try {
      await s.feeds.remove(feedId);
      console.log(`removed ${feedId}`);
    } finally {
      await close(s);
    }
  });

const streets = program.command('streets').description('manage street graphs from OpenStreetMap');
streets
  .command('import')
  .argument('<area>', 'area name, e.g. herrenberg')
  .argument('<extract>', 'OpenStreetMap extract (.osm.pbf, or .osm XML)')
  .description('import the streets of an area (running servers pick them up within seconds)')
  .action(async (area: string, extract: string) => {
    const s = await services();
    try {
      const imported = await s.streets.importExtract(area, extract, (p) => {
        console.error(p.elements === undefined ? p.phase : `${p.phase}: ${p.elements} elements`);
      });
      console.log(
        JSON.stringify({
          area: imported.meta.area,
          counts: imported.meta.counts,
          memoryBytes: imported.memoryBytes,
          importMs: Math.round(imported.importMs),
        }),
      );
    } finally {
      await close(s);
    }
  });
streets
  .command('list')
  .description('list the street graphs of this data folder (or of DATABASE_URL)')
  .action(async () => {
    const s = await services();
    for (const m of await s.streets.list()) {
      console.log(
        `${m.area}\t${m.counts.segments} segments\t${new Date(m.importedAtMs).toISOString()}\t${m.source}`,
      );
    }
    await close(s);
  });
streets
  .command('remove')
  .argument('<area>')
  .description('stop using the streets of an area and delete them')
  .action(async (area: string) => {
    const s = await services();
    try {
      await s.streets.remove(area);
      console.log(`removed ${area}`);
    } finally {
      await close(s);
    }
  });

program
  .command('key')
  .description('manage API keys')
  .command('create')
  .description('create an API key and print it once')
  .requiredOption('--role <role>', 'admin | agency | operator', (v: string) => {
    if (!['admin', 'agency', 'operator'].includes(v))
      throw new InvalidArgumentError('admin, agency or operator');
    return v as KeyRole;
  })
  .option(
    '--feed <feedId>',
    'feed an agency key may load (repeatable)',
    (v: string, all: string[]) => [...all, v],
    [],
  )
  .option('--operator <operatorId>', 'operator an operator key belongs to')
  .option('--label <label>', 'a note for admins')
  .action(async (opts: { role: KeyRole; feed: string[]; operator?: string; label?: string }) => {
    const s = await services();
    try {
      const { key } = await createApiKey(
        s.apiKeys,
        { role: opts.role, feedIds: opts.feed, operatorId: opts.operator, label: opts.label },
        new Date(),
      );
      console.log(key);
    } finally {
      await close(s);
    }
  });

program
  .command('token')
  .argument('<riderIds...>')
  .option('--ttl <seconds>', 'lifetime in seconds', '2592000')
  .description('print a rider JWT signed with the server key, one line per rider (development)')
  .action(async (riderIds: string[], opts: { ttl: string }) => {
    const s = await services();
    try {
      for (const riderId of riderIds) {
        console.log(await s.tokens.sign(riderId, Date.now(), Number(opts.ttl)));
      }
    } finally {
      await close(s);
    }
  });

program
  .command('pass')
  .description('journey passes (DESIGN.md §11)')
  .command('rotate-key')
  .description(
    'start a new pass signing key; the old public key stays in /.well-known/jwks.json until its last pass expires',
  )
  .action(async () => {
    const s = await services();
    try {
      const kid = await s.passes.rotateKey();
      const { keys } = await s.passes.jwks();
      console.log(`signing with key ${kid}; published keys: ${keys.map((k) => k.kid).join(', ')}`);
    } finally {
      await close(s);
    }
  });

program.parseAsync(process.argv).catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`maas: ${message}`);
  process.exit(1);
});
