import { z } from 'zod';
import { BadInputError } from '../../../errors.js';

const instantMs = z.iso.datetime({ offset: true }).transform((text) => Date.parse(text));

const checkIn = z.object({
  kind: z.literal('CHECK_IN').default('CHECK_IN'),
  pass: z.string().min(1).max(4096),
  facilityId: z.string().min(1),
  at: instantMs,
  idempotencyKey: z.string().min(1).max(128).optional(),
});

const checkOut = z.object({
  kind: z.literal('CHECK_OUT'),
  pass: z.string().min(1).max(4096).optional(),
  reservationId: z.string().min(1).optional(),
  at: instantMs,
  idempotencyKey: z.string().min(1).max(128).optional(),
});

/** A `POST /v1/parking/checkins` body: a check-in (`kind` CHECK_IN, the default) or a check-out. */
export type GateBody = z.infer<typeof checkIn> | z.infer<typeof checkOut>;

/**
 * The gate event of a body, the idempotency key taken from the body or the `Idempotency-Key`
 * header; BAD_USER_INPUT naming the first bad field otherwise.
 */
export function gateEventOfBody(
  body: unknown,
  headerKey: string | undefined,
): GateBody & { idempotencyKey: string } {
  const isOut =
    typeof body === 'object' && body !== null && (body as { kind?: unknown }).kind === 'CHECK_OUT';
  const parsed = (isOut ? checkOut : checkIn).safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') ?? '';
    throw new BadInputError(
      `body must be { pass, facilityId, at, idempotencyKey } or { kind: "CHECK_OUT", reservationId | pass, at, idempotencyKey }: ${where ? `${where}: ` : ''}${issue?.message ?? 'invalid'}`,
    );
  }
  const idempotencyKey = parsed.data.idempotencyKey ?? headerKey;
  if (!idempotencyKey)
    throw new BadInputError('idempotencyKey (or an Idempotency-Key header) is required');
  return { ...parsed.data, idempotencyKey };
}
