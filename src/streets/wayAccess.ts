/** OSM tags of one way. */
export type OsmTags = Readonly<Record<string, string>>;

/** Who may use a way, and how fast cars go on it. */
export interface WayAccess {
  foot: boolean;
  /** Cars may drive in the way's node order. */
  carForward: boolean;
  /** Cars may drive against the way's node order. */
  carBackward: boolean;
  /** Car speed, km/h (`maxspeed`, else the highway class's default). */
  carSpeedKmh: number;
}

type Permission = 'ALL' | 'CAR' | 'PEDESTRIAN' | 'NONE';

/**
 * Highway classes and who may use them, after OpenTripPlanner's default tag mapping
 * (`DefaultMapper`): motorways for cars only, footways, paths, steps, tracks and cycleways on foot
 * only, roads for everyone. Anything else (construction, proposed, raceway…) is not routable.
 */
const HIGHWAY_PERMISSION: Readonly<Record<string, Permission>> = {
  motorway: 'CAR',
  motorway_link: 'CAR',
  trunk: 'ALL',
  trunk_link: 'ALL',
  primary: 'ALL',
  primary_link: 'ALL',
  secondary: 'ALL',
  secondary_link: 'ALL',
  tertiary: 'ALL',
  tertiary_link: 'ALL',
  unclassified: 'ALL',
  residential: 'ALL',
  living_street: 'ALL',
  road: 'ALL',
  service: 'ALL',
  track: 'PEDESTRIAN',
  pedestrian: 'PEDESTRIAN',
  footway: 'PEDESTRIAN',
  steps: 'PEDESTRIAN',
  path: 'PEDESTRIAN',
  cycleway: 'PEDESTRIAN',
  bridleway: 'PEDESTRIAN',
  corridor: 'PEDESTRIAN',
  platform: 'PEDESTRIAN',
};

/**
 * Default car speeds per highway class, km/h: OpenTripPlanner's default mapper values (65 mph
 * motorways, 55 mph trunks, 45 mph primaries, 35 mph secondaries, 25 mph minor roads, 15 mph
 * service roads, 5 mph living streets), rounded.
 */
const DEFAULT_SPEED_KMH: Readonly<Record<string, number>> = {
  motorway: 105,
  motorway_link: 54,
  trunk: 89,
  trunk_link: 54,
  primary: 72,
  primary_link: 40,
  secondary: 56,
  secondary_link: 40,
  tertiary: 40,
  tertiary_link: 40,
  unclassified: 40,
  residential: 40,
  road: 40,
  service: 24,
  living_street: 8,
};
const FALLBACK_SPEED_KMH = 40;

const NO = new Set([
  'no',
  'private',
  'agricultural',
  'forestry',
  'emergency',
  'military',
  'delivery',
]);
const YES = new Set(['yes', 'designated', 'permissive', 'destination', 'customers', 'official']);

/** `tag` read as a permission: true, false, or undefined when absent or unknown. */
function allows(tags: OsmTags, tag: string): boolean | undefined {
  const v = tags[tag];
  if (v === undefined) return undefined;
  if (NO.has(v)) return false;
  if (YES.has(v)) return true;
  return undefined;
}

/**
 * Access of a way from its tags (DESIGN.md §10), or undefined when it is not a street for anyone:
 * the highway class gives the base (`railway=platform` and `public_transport=platform` are
 * walkable), then `access`, then `vehicle`, `motor_vehicle`, `motorcar` for cars and `foot` for
 * walkers, each more specific tag winning; `oneway` (`yes`/`1`/`true`, `-1`/`reverse`, implied on
 * motorways and roundabouts) binds cars only; ferries and construction are excluded.
 */
export function wayAccess(tags: OsmTags): WayAccess | undefined {
  const highway = tags.highway;
  if (tags.route === 'ferry' || tags.construction !== undefined) return undefined;
  let permission: Permission | undefined =
    highway !== undefined ? HIGHWAY_PERMISSION[highway] : undefined;
  if (permission === undefined) {
    const platform = tags.railway === 'platform' || tags.public_transport === 'platform';
    if (!platform) return undefined;
    permission = 'PEDESTRIAN';
  }
  let foot = permission === 'ALL' || permission === 'PEDESTRIAN';
  let car = permission === 'ALL' || permission === 'CAR';
  const general = allows(tags, 'access');
  if (general !== undefined) {
    foot = general && foot;
    car = general && car;
    // access=yes does not open a footway to cars, nor a motorway to walkers.
  }
  for (const tag of ['vehicle', 'motor_vehicle', 'motorcar']) {
    const v = allows(tags, tag);
    if (v !== undefined) car = v && permission !== 'PEDESTRIAN';
  }
  const footTag = allows(tags, 'foot');
  if (footTag !== undefined) foot = footTag;
  if (!foot && !car) return undefined;
  const [carForward, carBackward] = car ? carDirections(tags, highway) : [false, false];
  return {
    foot,
    carForward,
    carBackward,
    carSpeedKmh: carSpeedKmh(tags, highway),
  };
}

function carDirections(tags: OsmTags, highway: string | undefined): [boolean, boolean] {
  const oneway = tags.oneway;
  if (oneway === '-1' || oneway === 'reverse') return [false, true];
  if (oneway === 'yes' || oneway === '1' || oneway === 'true') return [true, false];
  if (oneway === 'no' || oneway === '0' || oneway === 'false') return [true, true];
  const implied =
    highway === 'motorway' || tags.junction === 'roundabout' || tags.junction === 'circular';
  return implied ? [true, false] : [true, true];
}

/** `maxspeed` in km/h (`50`, `30 mph`, `20 knots`, the first of `50;30`), else the class's default. */
export function carSpeedKmh(tags: OsmTags, highway: string | undefined): number {
  const fallback =
    (highway !== undefined ? DEFAULT_SPEED_KMH[highway] : undefined) ?? FALLBACK_SPEED_KMH;
  const raw = tags.maxspeed?.split(';')[0]?.trim();
  if (raw === undefined) return fallback;
  const m = /^(\d+(?:\.\d+)?)\s*(mph|knots|km\/h|kmh)?$/.exec(raw);
  if (!m) return fallback;
  const value = Number(m[1]);
  const kmh = m[2] === 'mph' ? value * 1.609344 : m[2] === 'knots' ? value * 1.852 : value;
  return kmh >= 1 && kmh <= 250 ? kmh : fallback;
}
