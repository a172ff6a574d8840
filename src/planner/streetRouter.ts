import type { StreetNetwork } from '../streets/index.js';
import { haversineMeters } from '../transit/geo.js';

/** A driving route between two points. */
export interface DriveResult {
  seconds: number;
  meters: number;
}

/** Driving times for CAR and CAR_PARK legs: `streetRouter` on the street graph, else `haversineStreetRouter`. */
export interface StreetRouter {
  /** Drive from `from` to `to`; undefined when there is no road route. */
  drive(
    from: { lat: number; lon: number },
    to: { lat: number; lon: number },
  ): DriveResult | undefined;
  /** Drives from `from` to each of `targets`, as `drive` would each (one search on a graph). */
  driveToMany?(
    from: { lat: number; lon: number },
    targets: readonly { lat: number; lon: number }[],
  ): (DriveResult | undefined)[];
}

/** Settings of the default street router. */
export interface HaversineStreetRouterOptions {
  /** Road distance = straight line × this; default 1.4 (`DRIVE_CIRCUITY`). */
  circuity: number;
  /** Average speed, km/h; default 30 (`DRIVE_SPEED_KMH`). */
  speedKmh: number;
}

/** The default street router: straight-line distance × circuity at a constant speed. */
export function haversineStreetRouter(options: HaversineStreetRouterOptions): StreetRouter {
  const metersPerSecond = (options.speedKmh * 1000) / 3600;
  return {
    drive(from, to) {
      const meters = Math.ceil(
        haversineMeters(from.lat, from.lon, to.lat, to.lon) * options.circuity,
      );
      return { meters, seconds: Math.ceil(meters / metersPerSecond) };
    },
  };
}

/**
 * Drives on the street graph where one covers both points (DESIGN.md §10: per-edge speeds,
 * one-way streets), else with `fallback` (§4's straight line); undefined when the graph covers the
 * trip but no road joins the points.
 */
export function streetRouter(streets: StreetNetwork, fallback: StreetRouter): StreetRouter {
  return {
    drive(from, to) {
      const g = streets.graphFor(from, to);
      // Off the graph, or a point too far from any road to be placed on one: the straight line.
      if (!g || !streets.snap(g, from, 'CAR') || !streets.snap(g, to, 'CAR'))
        return fallback.drive(from, to);
      const path = streets.route('CAR', from, to);
      return path && { meters: path.meters, seconds: path.seconds };
    },
    driveToMany(from, targets) {
      const g = streets.graphFor(from);
      const many =
        g && streets.snap(g, from, 'CAR') ? streets.driveToMany(from, targets) : undefined;
      return targets.map((t, i) => {
        // Off this graph's roads (or its area): as `drive` would.
        if (!many || !g || streets.graphFor(t) !== g || !streets.snap(g, t, 'CAR'))
          return this.drive(from, t);
        return many[i];
      });
    },
  };
}
