import { DomainError } from '../errors.js';

/**
 * A GTFS feed (or an upload that should have been one) that cannot be imported. The message names
 * the file, the 1-based line (the header is line 1) and the problem; `file` and `line` repeat them.
 */
export class FeedInvalidError extends DomainError {
  declare readonly code: 'FEED_INVALID';

  constructor(
    message: string,
    readonly file?: string,
    readonly line?: number,
  ) {
    super('FEED_INVALID', message, file === undefined ? undefined : { file, line });
  }
}
