import { BadInputError, ForbiddenError, NotFoundError } from '../errors.js';
import type { FacilityRef, StoredAvailability } from './records.js';
import type { EpochMs, LiveAvailability, ParkingStatus } from './types.js';

/** A report may be observed this far in the future of the server's clock (clock skew), ms (60 s). */
export const MAX_CLOCK_SKEW_MS = 60_000;
/** Most reports in one batch (10,000). */
export const MAX_REPORTS_PER_BATCH = 10_000;

/** One availability report as an operator sends it. */
export interface AvailabilityReport {
  /** API id `"<operatorId>:<ownId>"`, or just the own id when sent with an operator key. */
  facilityId: string;
  availableSpaces: number;
  status: ParkingStatus;
  observedAtMs: EpochMs;
}

/** Why a report was not applied. */
export type IgnoredReason = 'OLDER_THAN_STORED' | 'SAME_AS_STORED';

/** A report that was not applied, and why. */
export interface IgnoredReport {
  facilityId: string;
  observedAtMs: EpochMs;
  reason: IgnoredReason;
  /** The facility's zone, to show `observedAt` in. */
  timezone: string;
}

/** Outcome of a batch: how many were applied, which were ignored. */
export interface ReportResult {
  accepted: number;
  ignored: IgnoredReport[];
}

/** The API id a report names: scoped ids as they are, own ids under the calling operator. */
export function scopedFacilityId(
  facilityId: string,
  operatorId: string | undefined,
  index: number,
): string {
  if (facilityId.includes(':')) return facilityId;
  if (operatorId === undefined) {
    throw new BadInputError(
      `reports[${index}].facilityId must be "<operatorId>:<id>" with an admin key`,
    );
  }
  return `${operatorId}:${facilityId}`;
}

/** Refuses a report that names an unknown or foreign facility, has impossible numbers, or comes from the future. */
export function checkReport(
  report: AvailabilityReport,
  facility: FacilityRef | undefined,
  ctx: { index: number; operatorId: string | undefined; nowMs: EpochMs },
): FacilityRef {
  const at = `reports[${ctx.index}]`;
  if (!facility)
    throw new NotFoundError(`${at}: parking facility "${report.facilityId}" does not exist`);
  if (ctx.operatorId !== undefined && facility.operatorId !== ctx.operatorId) {
    throw new ForbiddenError(`${at}: facility "${facility.id}" belongs to another operator`);
  }
  if (!Number.isInteger(report.availableSpaces) || report.availableSpaces < 0) {
    throw new BadInputError(`${at}.availableSpaces must be a whole number, zero or more`);
  }
  if (report.availableSpaces > facility.totalSpaces) {
    throw new BadInputError(
      `${at}.availableSpaces (${report.availableSpaces}) exceeds totalSpaces (${facility.totalSpaces})`,
    );
  }
  if (!Number.isFinite(report.observedAtMs))
    throw new BadInputError(`${at}.observedAt is not a valid instant`);
  if (report.observedAtMs > ctx.nowMs + MAX_CLOCK_SKEW_MS) {
    throw new BadInputError(`${at}.observedAt lies in the future`);
  }
  return facility;
}

/** The live availability riders see: stale reports (older than `staleSeconds`) show as UNKNOWN without a count. */
export function liveAvailability(
  stored: StoredAvailability | undefined,
  nowMs: EpochMs,
  staleSeconds: number,
): LiveAvailability | null {
  if (!stored) return null;
  const observedAtMs = stored.observedAt.getTime();
  const stale = nowMs - observedAtMs > staleSeconds * 1000;
  return {
    availableSpaces: stale ? null : stored.availableSpaces,
    status: stale ? 'UNKNOWN' : stored.status,
    observedAtMs,
    stale,
  };
}
