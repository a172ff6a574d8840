import type { Clock } from '../clock.js';
import { claimsOf, parseClaims, type PassClaims, type PassSubject } from './claims.js';
import { PassInvalidError } from './errors.js';
import { passJwsOf, rawPublicKeyOf, signPass, verifyPass } from './passTokens.js';
import { riderPseudonym } from './pseudonym.js';
import type { StoredPass } from './records.js';
import type { PassRepository } from './repository.js';
import { newSigningKey, signingKeyOf, type SigningKey } from './signingKey.js';

/** What the pass service needs. */
export interface PassDeps {
  repository: PassRepository;
  clock: Clock;
  /** Seals the private signing keys in the database (derived from the server's secret). */
  sealKey: Uint8Array;
  /** Keys the riders' per-journey pseudonyms (derived from the server's secret). */
  pseudonymKey: Uint8Array;
  /** Margin around a pass's validity and grace at the gate, seconds (`PASS_GRACE_SECONDS`, default 900). */
  graceSeconds: number;
}

/** A journey's pass as shown to its rider. */
export interface IssuedPass {
  token: string;
  kid: string;
  /** The token's `exp`, ms since the epoch. */
  expiresAtMs: number;
}

/** How long a replica keeps using the signing key it read before looking for a rotation, ms. */
const SIGNING_KEY_TTL_MS = 60_000;

/** The JSON Web Key Set of `GET /.well-known/jwks.json`. */
export interface Jwks {
  keys: Record<string, string>[];
}

/**
 * Journey passes (DESIGN.md §11): issues one signed pass per journey (stored, so it stays the same
 * across rotations and replicas), verifies passes with the stored public keys, rotates the key
 * and publishes the keys a gate needs.
 */
export class PassService {
  private signing: { key: SigningKey; readAtMs: number } | undefined;
  /** Raw Ed25519 public keys by `kid`, as libsodium verifies with them. */
  private readonly verifying = new Map<string, Buffer>();

  constructor(private readonly deps: PassDeps) {}

  /**
   * The journey's pass: the one issued before while it still says what the journey holds, or a
   * new one signed with the current key (after a re-booking moved its times or its parking, the
   * new pass replaces the old, whose reservation code the gate then no longer accepts).
   */
  async passFor(subject: PassSubject): Promise<IssuedPass> {
    const stored = await this.deps.repository.findPass(subject.journeyId);
    if (stored && sameClaims(claimsInToken(stored.token), this.claimsFor(subject))) {
      return issued(stored);
    }
    return issued(await this.issue(subject, stored?.token));
  }

  /**
   * Signs and stores a new pass for `subject`, in place of the stored pass whose token is
   * `replacing` if given (the first stored wins if two replicas race).
   */
  async issue(subject: PassSubject, replacing?: string): Promise<StoredPass> {
    const { repository } = this.deps;
    const claims = this.claimsFor(subject);
    const key = await this.signingKey();
    const token = await signPass(claims, key);
    return repository.savePass(
      {
        journeyId: subject.journeyId,
        kid: key.kid,
        token,
        expiresAt: new Date(claims.exp * 1000),
        issuedAt: new Date(this.deps.clock.nowMs()),
      },
      replacing,
    );
  }

  private claimsFor(subject: PassSubject): PassClaims {
    const { pseudonymKey, graceSeconds } = this.deps;
    return claimsOf(
      subject,
      riderPseudonym(pseudonymKey, subject.journeyId, subject.riderId),
      graceSeconds,
    );
  }

  /** The claims of a pass signed by one of this server's keys; PASS_INVALID otherwise (times unchecked). */
  async verify(token: string): Promise<PassClaims> {
    const jws = passJwsOf(token);
    if (!jws) throw new PassInvalidError('the pass is not a compact EdDSA JWS with a key id');
    const key = this.verifying.get(jws.kid) ?? (await this.loadKey(jws.kid));
    if (!key) throw new PassInvalidError(`the pass was signed by an unknown key "${jws.kid}"`);
    return verifyPass(jws, key);
  }

  /** The public keys a gate needs now: the signing key, and retired keys until their last pass expired. */
  async jwks(): Promise<Jwks> {
    await this.signingKey();
    const graceMs = this.deps.graceSeconds * 1000;
    const rows = await this.deps.repository.publishedKeys(this.deps.clock.nowMs(), graceMs);
    return { keys: rows.map((row) => row.publicJwk) };
  }

  /** Starts a new signing key; the old one keeps verifying and stays published until its last pass expires. */
  async rotateKey(): Promise<string> {
    const nowMs = this.deps.clock.nowMs();
    const { row, key } = newSigningKey(this.deps.sealKey, new Date(nowMs));
    await this.deps.repository.addKey(row, nowMs, () => true);
    this.signing = { key, readAtMs: nowMs };
    return key.kid;
  }

  private async signingKey(): Promise<SigningKey> {
    const nowMs = this.deps.clock.nowMs();
    if (this.signing && nowMs - this.signing.readAtMs < SIGNING_KEY_TTL_MS) return this.signing.key;
    let row = await this.deps.repository.signingKey();
    if (!row) {
      // The first pass on an empty database creates the first key (one unit: two replicas agree).
      const { row: first } = newSigningKey(this.deps.sealKey, new Date(nowMs));
      row = await this.deps.repository.addKey(first, nowMs, (current) => current === undefined);
    }
    const key =
      this.signing?.key.kid === row.kid ? this.signing.key : signingKeyOf(row, this.deps.sealKey);
    this.signing = { key, readAtMs: nowMs };
    return key;
  }

  private async loadKey(kid: string): Promise<Buffer | undefined> {
    const row = await this.deps.repository.findKey(kid);
    if (!row) return undefined;
    const key = rawPublicKeyOf(row.publicJwk);
    this.verifying.set(kid, key);
    return key;
  }
}

/** The claims a stored token carries (signed by this server: read, not verified). */
function claimsInToken(token: string): PassClaims | undefined {
  try {
    return parseClaims(
      JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')),
    );
  } catch {
    return undefined;
  }
}

function sameClaims(a: PassClaims | undefined, b: PassClaims): boolean {
  return a !== undefined && JSON.stringify(a) === JSON.stringify(b);
}

function issued(row: StoredPass): IssuedPass {
  return { token: row.token, kid: row.kid, expiresAtMs: row.expiresAt.getTime() };
}
