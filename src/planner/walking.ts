import type { StreetNetwork } from '../streets/index.js';
import { walkMeters } from '../transit/geo.js';

/** A point, degrees. */
type Point = { lat: number; lon: number };

/**
 * Walk metres from `from` to each target: along the streets where a graph covers them (DESIGN.md
 * §10; Infinity when not reachable within `maxMeters`), else §4's straight line × `circuity`.
 */
export function walkMetersToMany(
  streets: StreetNetwork | undefined,
  circuity: number,
  from: Point,
  targets: readonly Point[],
  maxMeters: number,
): number[] {
  const onStreets =
    streets && streets.graphs.length > 0
      ? streets.walkMetersToMany(from, targets, maxMeters)
      : undefined;
  return targets.map(
    (t, i) => onStreets?.[i] ?? walkMeters(from.lat, from.lon, t.lat, t.lon, circuity),
  );
}

/** Walk metres from `from` to `to` (see `walkMetersToMany`); Infinity when not within `maxMeters` on the streets. */
export function walkMetersBetween(
  streets: StreetNetwork | undefined,
  circuity: number,
  from: Point,
  to: Point,
  maxMeters: number,
): number {
  return walkMetersToMany(streets, circuity, from, [to], maxMeters)[0]!;
}
