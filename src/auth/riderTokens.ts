import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createHmac, randomBytes } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';

const ISSUER = 'maas';
const ALG = 'HS256';

/** Signs and verifies rider JWTs (`sub` = rider id) with the server's secret (HS256). */
export class RiderTokens {
  constructor(private readonly secret: Uint8Array) {}

  /**
   * Loads the secret from `JWT_SECRET`, else from `$DATA_DIR/secret.key`, creating it on first use
   * so that `maas token` and the server started on the same folder agree.
   */
  static fromDataDir(dataDir: string, env: NodeJS.ProcessEnv = process.env): RiderTokens {
    if (env.JWT_SECRET) return new RiderTokens(new TextEncoder().encode(env.JWT_SECRET));
    const file = path.join(dataDir, 'secret.key');
    if (!existsSync(file)) {
      mkdirSync(dataDir, { recursive: true });
      writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600, flag: 'wx' });
    }
    return new RiderTokens(new TextEncoder().encode(readFileSync(file, 'utf8').trim()));
  }

  /** A token for `riderId`, valid for `ttlSeconds` (default 30 days) from `nowMs`. */
  async sign(riderId: string, nowMs: number, ttlSeconds = 30 * 24 * 3600): Promise<string> {
    const iat = Math.floor(nowMs / 1000);
    return new SignJWT({})
      .setProtectedHeader({ alg: ALG })
      .setSubject(riderId)
      .setIssuer(ISSUER)
      .setIssuedAt(iat)
      .setExpirationTime(iat + ttlSeconds)
      .sign(this.secret);
  }

  /** A key for another use of the server's secret: HMAC-SHA256(secret, `purpose`), 32 bytes. */
  deriveKey(purpose: string): Buffer {
    return createHmac('sha256', this.secret).update(purpose).digest();
  }

  /** The rider id of a valid token, or undefined. */
  async verify(token: string, nowMs: number): Promise<string | undefined> {
    try {
      const { payload } = await jwtVerify(token, this.secret, {
        issuer: ISSUER,
        algorithms: [ALG],
        currentDate: new Date(nowMs),
      });
      return typeof payload.sub === 'string' && payload.sub.length > 0 ? payload.sub : undefined;
    } catch {
      return undefined;
    }
  }
}
