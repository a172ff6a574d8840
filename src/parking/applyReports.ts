import {
  checkReport,
  scopedFacilityId,
  type AvailabilityReport,
  type IgnoredReport,
  type ReportResult,
} from './availability.js';
import {
  latestAvailability,
  storeReports,
  type StoredAvailability,
} from './repo/availabilityRepo.js';
import type { SyncDb } from './repo/db.js';
import { findFacilityRefs } from './repo/facilityRepo.js';
import type { EpochMs } from './types.js';

/**
 * Applies a batch of availability reports inside one transaction: every report is checked first
 * (one bad report refuses the batch), then each report newer than the latest stored (or earlier in
 * the batch) is appended to the history and becomes the latest; the others are listed as ignored.
 */
export function applyReports(
  db: SyncDb,
  reports: readonly AvailabilityReport[],
  ctx: { operatorId: string | undefined; nowMs: EpochMs },
): ReportResult {
  const ids = reports.map((r, index) => scopedFacilityId(r.facilityId, ctx.operatorId, index));
  const facilities = new Map(findFacilityRefs(db, [...new Set(ids)]).map((f) => [f.id, f]));
  const checked = reports.map((r, index) =>
    checkReport(r, facilities.get(ids[index]!), { ...ctx, index }),
  );
  const latest = latestAvailability(db, [...facilities.keys()]);
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
  storeReports(db, history, changed);
  return { accepted: history.length, ignored };
}
