/** Transit modes, spelled as the GraphQL enum `TransitMode`. */
export type TransitMode =
  | 'TRAM'
  | 'SUBWAY'
  | 'RAIL'
  | 'BUS'
  | 'FERRY'
  | 'CABLE_CAR'
  | 'GONDOLA'
  | 'FUNICULAR'
  | 'TROLLEYBUS'
  | 'MONORAIL';

/** The mode of a GTFS route_type, basic (0–12) or extended (100–1700). */
export function modeOfRouteType(type: number): TransitMode {
  switch (type) {
    case 0:
      return 'TRAM';
    case 1:
      return 'SUBWAY';
    case 2:
      return 'RAIL';
    case 3:
      return 'BUS';
    case 4:
      return 'FERRY';
    case 5:
      return 'CABLE_CAR';
    case 6:
      return 'GONDOLA';
    case 7:
      return 'FUNICULAR';
    case 11:
      return 'TROLLEYBUS';
    case 12:
      return 'MONORAIL';
  }
  if (type >= 100 && type < 200) return 'RAIL';
  if (type >= 200 && type < 300) return 'BUS';
  if (type >= 400 && type < 500) return 'SUBWAY';
  if (type >= 900 && type < 1000) return 'TRAM';
  if (type === 800) return 'TROLLEYBUS';
  if (type === 1000 || type === 1200) return 'FERRY';
  if (type === 1300) return 'GONDOLA';
  if (type === 1400) return 'FUNICULAR';
  if (type === 405) return 'MONORAIL';
  return 'BUS';
}
