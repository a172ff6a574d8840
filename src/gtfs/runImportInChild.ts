import { fork } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { FeedInvalidError } from './errors.js';
import type { ImportFeedProgress } from './importFeed.js';
import type { SerializedError, WorkerMessage } from './importMessages.js';
import { removeSqliteFile } from './sqliteFiles.js';
import type { FeedSummary } from './validateFeed.js';

const WORKER = new URL('./importWorker.ts', import.meta.url);

/** tsx's loader by absolute URL, so the child finds it whatever its working directory. */
const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

/** How long an aborted worker may take to end after SIGTERM before it gets SIGKILL. */
const KILL_GRACE_MS = 5_000;

/** Options of runImportInChild. */
export interface RunImportOptions {
  /** Aborting kills the worker, deletes the partial file and rejects with `signal.reason`. */
  readonly signal?: AbortSignal;
}

/**
 * Runs importFeedToSqlite(source, sqlitePath) in a child process, so that node-gtfs's synchronous
 * inserts never block this event loop. Resolves with the FeedSummary; rejects with a
 * FeedInvalidError (file and line kept) for a bad feed, or an Error when the worker dies.
 */
export function runImportInChild(
  source: string,
  sqlitePath: string,
  onProgress?: (progress: ImportFeedProgress) => void,
  options: RunImportOptions = {},
): Promise<FeedSummary> {
  const { signal } = options;
  const target = path.resolve(sqlitePath);
  if (signal?.aborted === true) return Promise.reject(abortReason(signal));
  if (existsSync(target)) {
    return Promise.reject(new Error(`refusing to import into ${target}: the file already exists`));
  }
  // The worker's temporary files (ours and node-gtfs's) all go here, removed even after a crash.
  const scratch = mkdtempSync(path.join(tmpdir(), 'maas-import-'));
  const child = fork(WORKER, [source, target], {
    execArgv: ['--import', TSX_LOADER],
    env: { ...process.env, TMPDIR: scratch, TMP: scratch, TEMP: scratch },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise<FeedSummary>((resolve, reject) => {
    let outcome: WorkerMessage | undefined;
    let aborted = false;
    let spawnError: Error | undefined;
    const onAbort = (): void => {
      aborted = true;
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), KILL_GRACE_MS).unref();
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    child.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') onProgress?.(message.progress);
      else outcome = message;
    });
    child.on('error', (error) => {
      spawnError = error;
    });
    // 'close' comes after the IPC channel has closed, so every message has arrived by then.
    child.on('close', (code, signalName) => {
      signal?.removeEventListener('abort', onAbort);
      rmSync(scratch, { recursive: true, force: true });
      if (outcome?.type === 'result' && code === 0 && !aborted) {
        resolve(outcome.summary);
        return;
      }
      if (outcome?.type === 'error') {
        reject(rebuildError(outcome.error));
        return;
      }
      // Killed or crashed: the worker could not delete its partial file, so do it here.
      void removeSqliteFile(target).finally(() => {
        if (aborted && signal !== undefined) reject(abortReason(signal));
        else reject(crashError(code, signalName, spawnError));
      });
    });
  });
}

function abortReason(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  return reason instanceof Error ? reason : new Error('feed import aborted');
}

function crashError(
  code: number | null,
  signalName: string | null,
  cause: Error | undefined,
): Error {
  const how = signalName === null ? `exit code ${code ?? '?'}` : `signal ${signalName}`;
  const message = `feed import worker died (${how}) before reporting a result`;
  return cause === undefined
    ? new Error(message)
    : new Error(`${message}: ${cause.message}`, { cause });
}

function rebuildError(error: SerializedError): Error {
  if (error.code === 'FEED_INVALID')
    return new FeedInvalidError(error.message, error.file, error.line);
  const rebuilt = new Error(error.message);
  rebuilt.name = error.name;
  if (error.stack !== undefined) rebuilt.stack = error.stack;
  if (error.code !== undefined) Object.assign(rebuilt, { code: error.code });
  return rebuilt;
}
