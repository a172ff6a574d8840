import { DomainError } from '../errors.js';

/** A token that does not parse, has a bad signature, or names a key this server never had. */
export class PassInvalidError extends DomainError {
  constructor(message: string) {
    super('PASS_INVALID', message);
  }
}

/** The pass of a cancelled journey. */
export class PassRevokedError extends DomainError {
  constructor(message: string) {
    super('PASS_REVOKED', message);
  }
}

/** A valid pass shown outside its validity or its reservation's window (with the grace). */
export class PassNotValidNowError extends DomainError {
  constructor(message: string) {
    super('PASS_NOT_VALID_NOW', message);
  }
}
