/** Seconds since the start of the service day ("noon minus 12 h"); may exceed 86 400. */
export type ServiceSeconds = number;

/** Returned by the parsers below for a value that does not parse. */
export const INVALID = -1;

const ZERO = 48; // '0'

function digit(text: string, i: number): number {
  const d = text.charCodeAt(i) - ZERO;
  return d >= 0 && d <= 9 ? d : -1e12; // poisons any sum it enters
}

/**
 * Parses a GTFS time `H:MM:SS` or `HH:MM:SS` (hours may exceed 24, up to three digits) into
 * seconds; INVALID when malformed. Char codes instead of a regex: this runs twice per stop_time.
 */
export function parseGtfsTime(text: string): ServiceSeconds {
  const hourDigits = text.length - 6;
  if (hourDigits < 1 || hourDigits > 3) return INVALID;
  if (text.charCodeAt(hourDigits) !== 58 || text.charCodeAt(hourDigits + 3) !== 58) return INVALID;
  let hours = 0;
  for (let i = 0; i < hourDigits; i++) hours = hours * 10 + digit(text, i);
  const minutes = digit(text, hourDigits + 1) * 10 + digit(text, hourDigits + 2);
  const seconds = digit(text, hourDigits + 4) * 10 + digit(text, hourDigits + 5);
  if (hours < 0 || minutes < 0 || minutes > 59 || seconds < 0 || seconds > 59) return INVALID;
  return hours * 3600 + minutes * 60 + seconds;
}

/** True for a real calendar date written `YYYYMMDD`. */
export function isGtfsDate(text: string): boolean {
  if (!/^\d{8}$/.test(text)) return false;
  const year = Number(text.slice(0, 4));
  const month = Number(text.slice(4, 6));
  const day = Number(text.slice(6, 8));
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `YYYYMMDD` → ISO `YYYY-MM-DD`. */
export function isoDate(gtfsDate: string): string {
  return `${gtfsDate.slice(0, 4)}-${gtfsDate.slice(4, 6)}-${gtfsDate.slice(6, 8)}`;
}

/** Parses a WGS84 degree value within ±`limit`; NaN when empty, malformed or out of range. */
export function parseDegrees(text: string, limit: 90 | 180): number {
  if (text === '') return NaN;
  const value = Number(text);
  return Math.abs(value) <= limit ? value : NaN;
}

/** Parses a non-negative decimal integer; INVALID when empty or malformed. */
export function parseCount(text: string): number {
  if (text === '' || text.length > 9) return INVALID;
  let value = 0;
  for (let i = 0; i < text.length; i++) value = value * 10 + digit(text, i);
  return value < 0 ? INVALID : value;
}
