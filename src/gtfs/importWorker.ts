/**
 * Child-process entry of runImportInChild: imports `argv[2]` (source) into `argv[3]` (new SQLite
 * file) with importFeedToSqlite, off the server's event loop, and reports over IPC.
 */
import { importFeedToSqlite } from './importFeed.js';
import { serializeError, type WorkerMessage } from './importMessages.js';

function send(message: WorkerMessage): Promise<void> {
  return new Promise((resolve) => {
    if (process.send === undefined || !process.connected) {
      resolve();
      return;
    }
    process.send(message, undefined, {}, () => {
      resolve();
    });
  });
}

async function main(): Promise<number> {
  const [source, sqlitePath] = process.argv.slice(2);
  if (process.send === undefined || source === undefined || sqlitePath === undefined) {
    console.error('importWorker.ts is started by runImportInChild, with an IPC channel');
    return 2;
  }
  // Without a parent nobody waits for the result; the parent cleans up after us.
  process.once('disconnect', () => process.exit(3));
  try {
    const summary = await importFeedToSqlite(source, sqlitePath, {
      onProgress: (progress) => void send({ type: 'progress', progress }),
    });
    await send({ type: 'result', summary });
    return 0;
  } catch (error) {
    await send({ type: 'error', error: serializeError(error) });
    return 1;
  }
}

// Exit explicitly: a handle left open by a library must not keep a finished worker alive.
process.exit(await main());
