import { z } from 'zod';
import { BadInputError } from '../../../errors.js';
import {
  MAX_REPORTS_PER_BATCH,
  PARKING_STATUSES,
  type AvailabilityReport,
} from '../../../parking/index.js';

const instantMs = z.iso.datetime({ offset: true }).transform((text) => Date.parse(text));

const ownReports = z.object({
  reports: z
    .array(
      z.object({
        facilityId: z.string().min(1),
        availableSpaces: z.number().int(),
        status: z.enum(PARKING_STATUSES),
        observedAt: instantMs,
      }),
    )
    .max(MAX_REPORTS_PER_BATCH),
});

/** ParkAPI v3 realtime items; `uid` is the operator's own facility id. */
const parkApiItems = z.object({
  items: z
    .array(
      z.object({
        uid: z.string().min(1),
        realtime_free_capacity: z.number().int(),
        realtime_opening_status: z.enum(['OPEN', 'CLOSED', 'UNKNOWN']),
        realtime_data_updated_at: instantMs,
      }),
    )
    .max(MAX_REPORTS_PER_BATCH),
});

/**
 * The reports of a `POST /v1/parking/availability` body: `{ reports: [...] }` as in GraphQL, or
 * ParkAPI v3 `{ items: [...] }` (an OPEN item with no free capacity becomes FULL). BAD_USER_INPUT
 * naming the first bad field otherwise.
 */
export function reportsOfBody(body: unknown): AvailabilityReport[] {
  if (typeof body === 'object' && body !== null && 'items' in body) {
    const parsed = parkApiItems.safeParse(body);
    if (!parsed.success) throw badBody(parsed.error);
    return parsed.data.items.map((item) => ({
      facilityId: item.uid,
      availableSpaces: item.realtime_free_capacity,
      status:
        item.realtime_opening_status === 'OPEN' && item.realtime_free_capacity === 0
          ? 'FULL'
          : item.realtime_opening_status,
      observedAtMs: item.realtime_data_updated_at,
    }));
  }
  const parsed = ownReports.safeParse(body);
  if (!parsed.success) throw badBody(parsed.error);
  return parsed.data.reports.map((r) => ({
    facilityId: r.facilityId,
    availableSpaces: r.availableSpaces,
    status: r.status,
    observedAtMs: r.observedAt,
  }));
}

function badBody(error: z.ZodError): BadInputError {
  const issue = error.issues[0];
  const where = issue?.path.join('.') ?? '';
  return new BadInputError(
    `body must be { reports: [...] } or ParkAPI { items: [...] }: ${where ? `${where}: ` : ''}${issue?.message ?? 'invalid'}`,
  );
}
