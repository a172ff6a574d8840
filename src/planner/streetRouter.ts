import { haversineMeters } from '../transit/geo.js';

/** A driving route between two points. */
export interface DriveResult {
  seconds: number;
  meters: number;
}

/** Driving times for CAR and CAR_PARK legs; a real street router (OSRM, Valhalla) can implement it. */
export interface StreetRouter {
  /** Drive from `from` to `to`; undefined when there is no road route. */
  drive(
    from: { lat: number; lon: number },
    to: { lat: number; lon: number },
  ): DriveResult | undefined;
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
