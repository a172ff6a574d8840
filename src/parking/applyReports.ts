import {
  checkReport,
  scopedFacilityId,
  type AvailabilityReport,
  type IgnoredReport,
  type ReportResult,
} from './availability.js';
import type { FacilityRef, StoredAvailability } from './records.js';
import type { EpochMs } from './types.js';

/** What applying a batch writes: history rows to append, the new latest rows, and what it ignored. */
export interface ReportPlan {
  history: StoredAvailability[];
  /** The new latest report of each facility that changed. */
  changed: StoredAvailability[];
  result: ReportResult;
}

/** Facility ids a batch names (scoped to the caller's operator), in report order. */
export function reportedFacilityIds(
  reports: readonly AvailabilityReport[],
  operatorId: string | undefined,
): string[] {
  return reports.map((r, index) => scopedFacilityId(r.facilityId, operatorId, index));
}

/**
 * Decides a batch of availability reports against what is stored (`ids` from `reportedFacilityIds`; run
 * it inside the unit of work that writes its plan): every report is checked first (one bad report refuses the batch), then
 * each report newer than the latest stored (or earlier in the batch) is appended to the history
 * and becomes the latest; the others are listed as ignored.
 */
export function planReports(
  reports: readonly AvailabilityReport[],
  ids: readonly string[],
  facilities: ReadonlyMap<string, FacilityRef>,
  stored: ReadonlyMap<string, StoredAvailability>,
  ctx: { operatorId: string | undefined; nowMs: EpochMs },
): ReportPlan {
  const checked = reports.map((r, index) =>
    checkReport(r, facilities.get(ids[index]!), { ...ctx, index }),
  );
  const latest = new Map(stored);
  const history: StoredAvailability[] = [];
  const ignored: IgnoredReport[] = [];
  const receivedAt = new Date(ctx.nowMs);
  reports.forEach((r, index) => {
    const facility = checked[index]!;
    const before = latest.get(facility.id)?.observedAt.getTime();
    if (before !== undefined && r.observedAtMs <= before) {
      const reason = r.observedAtMs === before ? 'SAME_AS_STORED' : 'OLDER_THAN_STORED';
      ignored.push({
        facilityId: facility.id,
        observedAtMs: r.observedAtMs,
        reason,
        timezone: facility.timezone,
      });
      return;
    }
    const row: StoredAvailability = {
      facilityId: facility.id,
      availableSpaces: r.availableSpaces,
      status: r.status,
      observedAt: new Date(r.observedAtMs),
      receivedAt,
    };
    history.push(row);
    latest.set(facility.id, row);
  });
  const changed = [...new Set(history.map((h) => h.facilityId))].map((id) => latest.get(id)!);
  return { history, changed, result: { accepted: history.length, ignored } };
}
