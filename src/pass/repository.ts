import type { RevokedPass } from '../parking/index.js';
import type {
  GateEvent,
  GateLookup,
  GateOutcome,
  GateState,
  StoredPass,
  StoredPassKey,
} from './records.js';

/**
 * The pass domain's storage (DESIGN.md §9, §11), dialect-free: signing keys, issued passes, gate
 * events and revocations. A `decide` callback is the domain rule: it runs inside the unit,
 * synchronously, on what the unit read, and throws to refuse.
 */
export interface PassRepository {
  /** The key that signs: the newest one not retired, or undefined before the first. */
  signingKey(): Promise<StoredPassKey | undefined>;
  /** The key with this id, retired or not, or undefined. */
  findKey(kid: string): Promise<StoredPassKey | undefined>;
  /** The keys to publish at `nowMs`: the signing one, and retired ones with a pass valid after `nowMs - graceMs`. */
  publishedKeys(nowMs: number, graceMs: number): Promise<StoredPassKey[]>;
  /**
   * One unit: reads the signing key; when `decide` answers true, retires it (and any other
   * unretired key) at `nowMs` and stores `row`. Resolves with the signing key after the unit.
   */
  addKey(
    row: StoredPassKey,
    nowMs: number,
    decide: (current: StoredPassKey | undefined) => boolean,
  ): Promise<StoredPassKey>;
  /** The pass issued for a journey, or undefined. */
  findPass(journeyId: string): Promise<StoredPass | undefined>;
  /**
   * Stores a journey's pass unless one is stored already, or with `replacing` in place of the
   * stored pass whose token that is; resolves with the stored one (the first write wins).
   */
  savePass(row: StoredPass, replacing?: string): Promise<StoredPass>;
  /**
   * One unit that locks the reservation's facility as reservations do: reads the state for
   * `lookup`; `decide` answers undefined to return the earlier event (a retry), or the event to
   * record, which moves the reservation (CHECK_IN: → CHECKED_IN and its journey → STARTED;
   * CHECK_OUT: → COMPLETED).
   */
  recordGateEvent(
    lookup: GateLookup,
    nowMs: number,
    decide: (state: GateState) => GateEvent | undefined,
  ): Promise<GateOutcome>;
  /** Passes of a facility revoked (journey cancelled) at or after `sinceMs`, oldest first, at most `limit`. */
  revocations(facilityId: string, sinceMs: number, limit: number): Promise<RevokedPass[]>;
}
