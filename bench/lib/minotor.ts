import { Duration, Query, Router, Time, type StopId } from 'minotor';
import { GtfsParser } from 'minotor/parser';

/** minotor's timetable of one feed for one date, ready to route. */
export interface MinotorNetwork {
  router: Router;
  /**
   * minotor's id of a feed `stop_id`, or undefined when minotor dropped the stop (no service
   * on the date). minotor reads CSV with csv-parse's `cast: true`, so numeric ids such as the
   * SI feed's `200001` become numbers in its maps, though typed as strings.
   */
  stopIdOf: (gtfsStopId: string) => StopId | undefined;
  parseSeconds: number;
}

/**
 * Parses `zipPath` with minotor's GtfsParser for `date` (`YYYY-MM-DD`). The default profile is
 * the standard GTFS route types (0–12), which the NYC feeds use; the Swiss profile would drop
 * every route.
 */
export async function loadMinotor(zipPath: string, date: string): Promise<MinotorNetwork> {
  const started = performance.now();
  // Noon UTC is the same calendar date in every zone from UTC-11 to UTC+11 (minotor reads the local date).
  const { timetable, stopsIndex } = await new GtfsParser(zipPath).parse(
    new Date(`${date}T12:00:00Z`),
  );
  const parseSeconds = (performance.now() - started) / 1000;
  return {
    router: new Router(timetable, stopsIndex),
    stopIdOf: (gtfsStopId) => {
      if (stopsIndex.findStopById(gtfsStopId)) return gtfsStopId;
      const cast = Number(gtfsStopId) as unknown as StopId;
      return gtfsStopId.trim() !== '' && stopsIndex.findStopById(cast) ? cast : undefined;
    },
    parseSeconds,
  };
}

/** Settings of a minotor query, matched to ours where minotor has an equivalent. */
export interface MinotorOptions {
  maxTransfers: number;
  /** Applied by minotor only to transfers.txt rows without a time (the SI feed has none). */
  minTransferSeconds: number;
}

/** A stop-to-stop minotor query leaving `from` at `departureSecondsOfDay` (seconds after midnight). */
export function minotorQuery(
  from: string,
  to: string,
  departureSecondsOfDay: number,
  options: MinotorOptions,
): Query {
  // The builder's chained methods are typed `any` in minotor's declarations; call them one by one.
  const builder = new Query.Builder();
  builder.from(from);
  builder.to(to);
  builder.departureTime(Time.fromSeconds(departureSecondsOfDay));
  builder.maxTransfers(options.maxTransfers);
  builder.minTransferTime(Duration.fromSeconds(options.minTransferSeconds));
  return builder.build();
}

/**
 * Earliest arrival at `to` (seconds after midnight of the parsed date), or undefined when
 * minotor finds none: `route()` plus reading the arrival, the part the benchmark times.
 */
export function minotorArrival(net: MinotorNetwork, query: Query, to: StopId): number | undefined {
  return net.router.route(query).arrivalAt(to)?.time.toSeconds();
}
