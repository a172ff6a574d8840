/**
 * Journey passes and the lot's gate (DESIGN.md §11, issue 15) through the real hono app, on the
 * bundled sample feed and facilities: the signed pass (checked with `jose` alone and the JWKS, as
 * a gate would), tampering, expiry, unknown keys, rotation, the QR code decoded back, check-in and
 * check-out with their refusals and retries, revocations, and what the operator and the rider see.
 *
 * The scenario is the booking test's: Tuesday 2026-12-01, 07:00 in New York; a rider drives to the
 * Staten Island Mall lot (operator "sample") around 08:25, takes the S44 to St. George and parks
 * until 18:00.
 */
import { generateKeyPairSync } from 'node:crypto';
import { createLocalJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify, SignJWT } from 'jose';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeDialects } from '../helpers/dialects.js';
import type { Harness } from '../helpers/harness.js';
import { cancelJourney, spacesLeft, type ItineraryOut } from '../journeys/fixtures.js';
import { createFacility } from '../parking/fixtures.js';
import {
  bookId,
  gate,
  journeyPass,
  MALL,
  NOW_MS,
  RESERVATION,
  sampleSetUp,
  type PassJourneyOut,
} from './fixtures.js';
import { decodePng, decodeSvg } from './qrImages.js';

const GRACE = 900;

/** The claims a pass carries (tests/pass reads them without the server's code). */
interface Claims {
  jti: string;
  sub: string;
  nbf: number;
  exp: number;
  pk: { f: string; c: string; s: number; e: number }[];
}

const sec = (iso: string | null | undefined) => Date.parse(iso!) / 1000;
const iso = (unix: number) => new Date(unix * 1000).toISOString();

const OPERATOR_VIEW = /* GraphQL */ `
  query ($facilityId: ID!) {
    operatorReservations(facilityId: $facilityId, first: 100) {
      edges { node { ${RESERVATION} } }
    }
  }
`;

describeDialects('journey passes and the gate (sample feed, sample facilities)', (ctx) => {
  let h: Harness;
  let itineraries: ItineraryOut[];
  let rider: string;
  let otherRider: string;
  let operator: string;
  let otherOperator: string;
  let otherFacility: string;
  let admin: string;
  /** Checked in and out by pass. */
  let j1: PassJourneyOut;
  /** Checked in, then overstays. */
  let j2: PassJourneyOut;
  /** Cancelled before its check-in. */
  let j3: PassJourneyOut;

  const claimsOf = (j: PassJourneyOut) => decodeJwt(j.pass!.token) as unknown as Claims;
  const parkingOf = (j: PassJourneyOut) => claimsOf(j).pk[0]!;
  /** Sets the clock to `unix` and returns it as the gate's `at`. */
  const at = (unix: number) => {
    h.clock.set(unix * 1000);
    return iso(unix);
  };
  const jwks = async () => {
    const res = await h.app.request('/.well-known/jwks.json');
    expect(res.status).toBe(200);
    return (await res.json()) as { keys: { kid: string; kty: string; crv: string; x: string }[] };
  };
  const operatorView = async (key: string) => {
    const res = await h.gql<{
      operatorReservations: { edges: { node: Record<string, unknown> & { id: string } }[] };
    }>(OPERATOR_VIEW, { facilityId: MALL }, key);
    return { raw: JSON.stringify(res.body), nodes: res.body.data!.operatorReservations.edges };
  };

  beforeAll(async () => {
    h = await ctx.harness({ nowMs: NOW_MS });
    itineraries = await sampleSetUp(h);
    rider = await h.riderToken('rider-1');
    otherRider = await h.riderToken('rider-2');
    operator = await h.apiKey({ role: 'operator', operatorId: 'sample' });
    otherOperator = await h.apiKey({ role: 'operator', operatorId: 'other' });
    otherFacility = await createFacility(h, otherOperator, { id: 'other-lot' });
    admin = await h.apiKey({ role: 'admin' });
    const first = itineraries[0]!;
    j1 = await journeyPass(h, rider, await bookId(h, rider, first, 'j1'));
    j2 = await journeyPass(h, rider, await bookId(h, rider, first, 'j2'));
    j3 = await journeyPass(h, otherRider, await bookId(h, otherRider, first, 'j3'));
  }, 60_000);
  afterAll(async () => {
    await h.close();
  });

  it('issues a small signed pass: EdDSA with kid; journey, rider pseudonym, validity, parking', async () => {
    const { token, expiresAt } = j1.pass!;
    // ~370 bytes: a version-15 QR code at level M, which phone cameras read at a gate.
    expect(Buffer.byteLength(token)).toBeLessThan(450);
    const header = decodeProtectedHeader(token);
    expect(header.alg).toBe('EdDSA');
    expect(header.kid).toMatch(/^[\w-]{12}$/);
    const claims = claimsOf(j1);
    const r = j1.reservation!;
    expect(claims).toEqual({
      jti: j1.id,
      sub: expect.stringMatching(/^[\w-]{16}$/) as string,
      nbf: sec(j1.departure) - GRACE,
      exp: sec(r.endsAt) + GRACE,
      pk: [{ f: MALL, c: r.code, s: sec(r.startsAt), e: sec(r.endsAt) }],
    });
    expect(sec(expiresAt)).toBe(claims.exp);
    // A pseudonym per journey: the same rider's two passes do not share it.
    expect(claimsOf(j2).sub).not.toBe(claims.sub);
    // Issued once: read again, it is the same token.
    expect((await journeyPass(h, rider, j1.id)).pass!.token).toBe(token);
  });

  it('never carries the rider id, and operator views show no rider', async () => {
    for (const j of [j1, j2, j3]) {
      const decoded = Buffer.from(j.pass!.token.split('.')[1]!, 'base64url').toString();
      expect(decoded).not.toMatch(/rider-[12]/);
    }
    const { raw } = await operatorView(operator);
    expect(raw).not.toMatch(/rider-[12]/);
    const type = await h.gql<{ __type: { fields: { name: string }[] } }>(
      '{ __type(name: "ParkingReservation") { fields { name } } }',
    );
    const fields = type.body.data!.__type.fields.map((f) => f.name);
    expect(fields).toEqual(expect.arrayContaining(['checkedInAt', 'checkedOutAt']));
    expect(fields.filter((f) => /rider|journey/i.test(f))).toEqual([]);
  });

  it('a gate verifies the pass with jose alone and the published JWKS', async () => {
    const { keys } = await jwks();
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({
      kty: 'OKP',
      crv: 'Ed25519',
      kid: decodeProtectedHeader(j1.pass!.token).kid,
    });
    const gateKeys = createLocalJWKSet({ keys });
    const p = parkingOf(j1);
    const { payload } = await jwtVerify(j1.pass!.token, gateKeys, {
      algorithms: ['EdDSA'],
      currentDate: new Date(p.s * 1000),
    });
    expect(payload.jti).toBe(j1.id);
  });

  it('refuses a tampered token, garbage and a key it never had (PASS_INVALID), as jose does', async () => {
    const { keys } = await jwks();
    const gateKeys = createLocalJWKSet({ keys });
    const [head, body, signature] = j1.pass!.token.split('.') as [string, string, string];
    const claims = claimsOf(j1);
    const longer = { ...claims, pk: [{ ...claims.pk[0]!, e: claims.pk[0]!.e + 86_400 }] };
    const tampered = `${head}.${Buffer.from(JSON.stringify(longer)).toString('base64url')}.${signature}`;
    const stranger = generateKeyPairSync('ed25519').privateKey;
    const sign = (kid: string) =>
      new SignJWT({ ...claims }).setProtectedHeader({ alg: 'EdDSA', kid }).sign(stranger);
    const unknownKid = await sign('AAAAAAAAAAAA');
    const stolenKid = await sign(decodeProtectedHeader(j1.pass!.token).kid!);
    const when = new Date(claims.pk[0]!.s * 1000);
    for (const bad of [tampered, unknownKid, stolenKid]) {
      await expect(jwtVerify(bad, gateKeys, { currentDate: when })).rejects.toThrow();
    }
    const atStart = at(claims.pk[0]!.s);
    for (const bad of [tampered, unknownKid, stolenKid, 'not a token', `${head}.${body}.`]) {
      const res = await gate(h, 'in', operator, {
        pass: bad,
        facilityId: MALL,
        at: atStart,
        idempotencyKey: `bad-${bad.length}-${bad.slice(-4)}`,
      });
      expect(res.code, bad.slice(-12)).toBe('PASS_INVALID');
    }
  });

  it('refuses a pass outside its validity or its window with the grace (PASS_NOT_VALID_NOW); jose calls it expired', async () => {
    const claims = claimsOf(j1);
    const p = parkingOf(j1);
    const gateKeys = createLocalJWKSet(await jwks());
    await expect(
      jwtVerify(j1.pass!.token, gateKeys, { currentDate: new Date((claims.exp + 1) * 1000) }),
    ).rejects.toMatchObject({ code: 'ERR_JWT_EXPIRED' });
    for (const unix of [claims.exp + 1, p.s - GRACE - 1, claims.nbf - 1]) {
      const res = await gate(h, 'in', operator, {
        pass: j1.pass!.token,
        facilityId: MALL,
        at: at(unix),
        idempotencyKey: `time-${unix}`,
      });
      expect(res.code, iso(unix)).toBe('PASS_NOT_VALID_NOW');
    }
    // A gate event from the future is bad input, not a pass problem.
    const ahead = at(p.s);
    h.clock.set((p.s - 3600) * 1000);
    const future = await gate(h, 'in', operator, {
      pass: j1.pass!.token,
      facilityId: MALL,
      at: ahead,
      idempotencyKey: 'future',
    });
    expect(future.code).toBe('BAD_USER_INPUT');
  });

  it('only the operator key of that facility checks in: FORBIDDEN elsewhere, UNAUTHENTICATED without a key', async () => {
    const p = parkingOf(j1);
    const input = (facilityId: string, key: string) => ({
      pass: j1.pass!.token,
      facilityId,
      at: at(p.s),
      idempotencyKey: key,
    });
    expect((await gate(h, 'in', undefined, input(MALL, 'anon'))).code).toBe('UNAUTHENTICATED');
    expect((await gate(h, 'in', rider, input(MALL, 'rider'))).code).toBe('FORBIDDEN');
    expect((await gate(h, 'in', admin, input(MALL, 'admin'))).code).toBe('FORBIDDEN');
    // Another facility of the same operator, another operator's facility, another operator at the mall.
    expect((await gate(h, 'in', operator, input('sample:eltingville', 'f'))).code).toBe(
      'FORBIDDEN',
    );
    expect((await gate(h, 'in', otherOperator, input(otherFacility, 'o1'))).code).toBe('FORBIDDEN');
    expect((await gate(h, 'in', otherOperator, input(MALL, 'o2'))).code).toBe('FORBIDDEN');
    expect((await journeyPass(h, rider, j1.id)).reservation!.status).toBe('CONFIRMED');
  });

  it('checks in: reservation CHECKED_IN, journey STARTED (stored); a retry replays, a second scan is CONFLICT', async () => {
    const p = parkingOf(j1);
    // Ten minutes before the window starts: inside the grace.
    const when = at(p.s - 600);
    const input = { pass: j1.pass!.token, facilityId: MALL, at: when, idempotencyKey: 'gate-1-in' };
    const first = await gate(h, 'in', operator, input);
    expect(first).toMatchObject({
      replayed: false,
      reservation: { id: j1.reservation!.id, status: 'CHECKED_IN', checkedOutAt: null },
    });
    expect(sec(first.reservation!.checkedInAt)).toBe(p.s - 600);
    const retry = await gate(h, 'in', operator, input);
    expect(retry).toEqual({ ...first, replayed: true });
    const reused = await gate(h, 'in', operator, { ...input, at: iso(p.s - 599) });
    expect(reused.code).toBe('CONFLICT');
    const second = await gate(h, 'in', operator, { ...input, idempotencyKey: 'gate-2-in' });
    expect(second.code).toBe('CONFLICT');
    expect(second.message).toMatch(/already checked in/);

    const journey = await journeyPass(h, rider, j1.id);
    expect(journey.status).toBe('STARTED');
    const stored = await h.query<{ status: string }>(
      `SELECT status FROM journeys WHERE id = '${j1.id}'`,
    );
    expect(stored).toEqual([{ status: 'STARTED' }]);
    const parkLeg = journey.legs.find((l) => l.mode === 'PARK')!;
    expect(parkLeg.parking!.reservation).toEqual({
      status: 'CHECKED_IN',
      checkedInAt: first.reservation!.checkedInAt,
      checkedOutAt: null,
    });
    expect(journey.totals.parkedSeconds).toBe(0);
    // The car is in the lot: the journey can no longer be cancelled, and its pass stays valid.
    expect((await cancelJourney(h, rider, j1.id)).code).toBe('CONFLICT');
    h.clock.advance(1800);
    expect((await journeyPass(h, rider, j1.id)).totals.parkedSeconds).toBe(1800);
  });

  it('a CHECKED_IN reservation holds its space: the window shows one fewer for each live booking', async () => {
    const p = parkingOf(j1);
    // j1 checked in, j2 and j3 confirmed: three of the mall's 25 reservable spaces.
    expect(await spacesLeft(h, MALL, iso(p.s), iso(p.e))).toBe(22);
  });

  it("refuses a cancelled journey's pass (PASS_REVOKED), drops it from the journey and lists it for offline gates", async () => {
    const p = parkingOf(j3);
    const cancelledAt = at(p.s - 3600);
    expect((await cancelJourney(h, otherRider, j3.id)).journey?.status).toBe('CANCELLED');
    const res = await gate(h, 'in', operator, {
      pass: j3.pass!.token,
      facilityId: MALL,
      at: at(p.s),
      idempotencyKey: 'gate-3-in',
    });
    expect(res.code).toBe('PASS_REVOKED');
    expect((await journeyPass(h, otherRider, j3.id)).pass).toBeNull();
    const svg = await h.app.request(`/v1/journeys/${j3.id}/pass.svg`, {
      headers: { authorization: `Bearer ${otherRider}` },
    });
    expect(svg.status).toBe(409);
    expect(await svg.json()).toMatchObject({ error: { code: 'PASS_REVOKED' } });

    const revocations = (since?: string, key = operator) =>
      h.app.request(
        `/v1/parking/facilities/${MALL}/revocations${since ? `?since=${encodeURIComponent(since)}` : ''}`,
        { headers: { authorization: `Bearer ${key}` } },
      );
    const all = await revocations();
    expect(all.status).toBe(200);
    const body = (await all.json()) as {
      revocations: { passId: string; reservationCode: string; revokedAt: string }[];
      until: string;
    };
    expect(body.revocations.map((r) => ({ ...r, revokedAt: sec(r.revokedAt) }))).toEqual([
      { passId: j3.id, reservationCode: j3.reservation!.code, revokedAt: sec(cancelledAt) },
    ]);
    const later = (await (await revocations(body.until)).json()) as { revocations: unknown[] };
    expect(later.revocations).toEqual([]);
    expect((await revocations(undefined, otherOperator)).status).toBe(403);
    expect((await revocations('yesterday')).status).toBe(400);
  });

  it('checks out by pass (even after the pass expired) and by reservation id; COMPLETED frees the space', async () => {
    const p = parkingOf(j1);
    const out = { pass: j1.pass!.token, at: at(p.e - 1800), idempotencyKey: 'gate-1-out' };
    const first = await gate(h, 'out', operator, out);
    expect(first).toMatchObject({ replayed: false, reservation: { status: 'COMPLETED' } });
    expect(sec(first.reservation!.checkedOutAt)).toBe(p.e - 1800);
    expect(first.reservation!.overstaySeconds).toBe(0);
    expect(await gate(h, 'out', operator, out)).toEqual({ ...first, replayed: true });
    const again = await gate(h, 'out', operator, { ...out, idempotencyKey: 'gate-1-out-2' });
    expect(again.code).toBe('CONFLICT');
    const journey = await journeyPass(h, rider, j1.id);
    expect(journey.totals.parkedSeconds).toBe(p.e - 1800 - (p.s - 600));
    const mine = await h.gql<{
      myJourneys: { edges: { node: { id: string; totals: { parkedSeconds: number | null } } }[] };
    }>('{ myJourneys(first: 10) { edges { node { id totals { parkedSeconds } } } } }', {}, rider);
    const parked = new Map(
      mine.body.data!.myJourneys.edges.map((e) => [e.node.id, e.node.totals.parkedSeconds]),
    );
    expect(parked.get(j1.id)).toBe(p.e - 1800 - (p.s - 600));
    expect(parked.get(j2.id)).toBeNull();
    expect(await spacesLeft(h, MALL, iso(p.e - 1200), iso(p.e))).toBe(24);

    // j2 is not checked in: nothing to check out; another operator may not; both give one way only.
    const byId = { reservationId: j2.reservation!.id, at: at(p.s), idempotencyKey: 'gate-2-out' };
    expect((await gate(h, 'out', operator, byId)).code).toBe('CONFLICT');
    expect((await gate(h, 'out', otherOperator, { ...byId, idempotencyKey: 'o' })).code).toBe(
      'FORBIDDEN',
    );
    const both = { ...byId, pass: j2.pass!.token, idempotencyKey: 'both' };
    expect((await gate(h, 'out', operator, both)).code).toBe('BAD_USER_INPUT');
  });

  it('over REST: POST /v1/parking/checkins checks in (201), replays (200) and refuses with a JSON error', async () => {
    const p = parkingOf(j2);
    const post = (body: Record<string, unknown>, key: string) =>
      h.app.request('/v1/parking/checkins', {
        method: 'POST',
        headers: {
          authorization: `Bearer ${operator}`,
          'content-type': 'application/json',
          'idempotency-key': key,
        },
        body: JSON.stringify(body),
      });
    const checkIn = { pass: j2.pass!.token, facilityId: MALL, at: at(p.s + 60) };
    const first = await post(checkIn, 'rest-2-in');
    expect(first.status).toBe(201);
    const firstBody = (await first.json()) as {
      replayed: boolean;
      reservation: Record<string, unknown>;
    };
    expect(firstBody).toMatchObject({
      replayed: false,
      reservation: { id: j2.reservation!.id, status: 'CHECKED_IN', facilityId: MALL },
    });
    expect(JSON.stringify(firstBody)).not.toMatch(/rider/);
    const retry = await post(checkIn, 'rest-2-in');
    expect(retry.status).toBe(200);
    expect(await retry.json()).toEqual({ ...firstBody, replayed: true });
    const second = await post(checkIn, 'rest-2-in-again');
    expect(second.status).toBe(409);
    expect(await second.json()).toMatchObject({ error: { code: 'CONFLICT' } });
    const broken = await post({ pass: 'x', facilityId: MALL, at: 'now' }, 'broken');
    expect(broken.status).toBe(400);
    expect(await broken.json()).toMatchObject({ error: { code: 'BAD_USER_INPUT' } });
  });

  it('flags an overstay to the operator: a car still in after its window, counting no more against capacity', async () => {
    const p = parkingOf(j2);
    at(p.e + 3600);
    const { nodes } = await operatorView(operator);
    const node = nodes.find((e) => e.node.id === j2.reservation!.id)!.node;
    expect(node).toMatchObject({ status: 'CHECKED_IN', checkedOutAt: null, overstaySeconds: 3600 });
    // The window has ended: the space is free for a later booking (DESIGN.md §5).
    expect(await spacesLeft(h, MALL, iso(p.e + 3600), iso(p.e + 7200))).toBe(25);
    const out = await gate(h, 'out', operator, {
      reservationId: j2.reservation!.id,
      at: iso(p.e + 3600),
      idempotencyKey: 'gate-2-out-late',
    });
    expect(out.reservation).toMatchObject({ status: 'COMPLETED', overstaySeconds: 3600 });
  });

  it('serves the pass as an SVG and a PNG QR code to its rider only, each decoding back to the token', async () => {
    h.clock.set(NOW_MS);
    const token = j2.pass!.token;
    expect(decodeSvg(j2.pass!.qrSvg)).toBe(token);
    const get = (path: string, credential?: string) =>
      h.app.request(`/v1/journeys/${j2.id}/${path}`, {
        headers: credential ? { authorization: `Bearer ${credential}` } : {},
      });
    const png = await get('pass.png', rider);
    expect(png.status).toBe(200);
    expect(png.headers.get('content-type')).toBe('image/png');
    expect(decodePng(Buffer.from(await png.arrayBuffer()))).toBe(token);
    const svg = await get('pass.svg', rider);
    expect(svg.headers.get('content-type')).toBe('image/svg+xml');
    expect(decodeSvg(await svg.text())).toBe(token);
    expect((await get('pass.svg', otherRider)).status).toBe(404);
    expect((await get('pass.png')).status).toBe(401);
    expect((await get('pass.png', operator)).status).toBe(403);
  });

  it('rotates the key: both published, old passes still valid, new passes on the new key; the old key leaves once its last pass expired', async () => {
    h.clock.set(NOW_MS);
    const oldKid = decodeProtectedHeader(j1.pass!.token).kid!;
    const newKid = await h.services.passes.rotateKey();
    expect(newKid).not.toBe(oldKid);
    expect((await jwks()).keys.map((k) => k.kid).sort()).toEqual([newKid, oldKid].sort());
    // The old pass is unchanged and still verifies with the published keys.
    const gateKeys = createLocalJWKSet(await jwks());
    expect((await journeyPass(h, rider, j2.id)).pass!.token).toBe(j2.pass!.token);
    await expect(
      jwtVerify(j2.pass!.token, gateKeys, { currentDate: new Date(parkingOf(j2).s * 1000) }),
    ).resolves.toBeTruthy();
    const fresh = await journeyPass(h, rider, await bookId(h, rider, itineraries[1]!, 'j4'));
    expect(decodeProtectedHeader(fresh.pass!.token).kid).toBe(newKid);
    // The old key signed passes valid until 18:15; with the grace it stays published to 18:30.
    const lastExp = Math.max(claimsOf(j1).exp, claimsOf(j2).exp, claimsOf(j3).exp);
    h.clock.set((lastExp + GRACE - 1) * 1000);
    expect((await jwks()).keys.map((k) => k.kid)).toContain(oldKid);
    h.clock.set((lastExp + GRACE + 1) * 1000);
    expect((await jwks()).keys.map((k) => k.kid)).toEqual([newKid]);
  });
});
