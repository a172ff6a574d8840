import type { ImportFeedProgress } from './importFeed.js';
import type { FeedSummary } from './validateFeed.js';

/** An error as it crosses the IPC channel; FeedInvalidError keeps its file and line. */
export interface SerializedError {
  readonly name: string;
  readonly message: string;
  readonly code?: string;
  readonly file?: string;
  readonly line?: number;
  readonly stack?: string;
}

/** What importWorker.ts tells its parent: any number of progress messages, then one outcome. */
export type WorkerMessage =
  | { readonly type: 'progress'; readonly progress: ImportFeedProgress }
  | { readonly type: 'result'; readonly summary: FeedSummary }
  | { readonly type: 'error'; readonly error: SerializedError };

/** Flattens an error for IPC. */
export function serializeError(error: unknown): SerializedError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const { code, file, line } = error as { code?: unknown; file?: unknown; line?: unknown };
  return {
    name: error.name,
    message: error.message,
    ...(typeof code === 'string' ? { code } : {}),
    ...(typeof file === 'string' ? { file } : {}),
    ...(typeof line === 'number' ? { line } : {}),
    ...(error.stack === undefined ? {} : { stack: error.stack }),
  };
}
