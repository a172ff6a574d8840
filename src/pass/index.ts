/** Journey passes and the lot's gate (DESIGN.md §11): the one entry point other folders import. */
export type { PassClaims, PassParking, PassSubject } from './claims.js';
export { PassInvalidError, PassNotValidNowError, PassRevokedError } from './errors.js';
export {
  GateService,
  MAX_REVOCATIONS,
  type CheckInRequest,
  type CheckOutRequest,
  type GateDeps,
} from './GateService.js';
export { PassService, type IssuedPass, type Jwks, type PassDeps } from './PassService.js';
export { PSEUDONYM_KEY_PURPOSE } from './pseudonym.js';
export { qrPng, qrSvg } from './qr.js';
export type { GateEvent, GateEventKind, GateOutcome } from './records.js';
export type { PassRepository } from './repository.js';
export { pgPassRepository } from './repo/pgPassRepository.js';
export { sqlitePassRepository } from './repo/sqlitePassRepository.js';
export { SEAL_KEY_PURPOSE } from './signingKey.js';
