import type { IncomingMessage } from 'node:http';
import type { HttpBindings } from '@hono/node-server';
import type { Context } from 'hono';
import { BadInputError, DomainError } from '../../errors.js';

/**
 * The JSON body of a REST request, at most `maxBytes` (PAYLOAD_TOO_LARGE, 413, past that: by
 * Content-Length before anything is read, else while reading); BAD_USER_INPUT when it is not JSON.
 *
 * Under the Node server the body is read from the Node request itself, as the /graphql route
 * does, instead of through hono's fetch Request: building that Request (undici, a web stream
 * over the socket, an abort signal) was a fifth of a gate check-in's time. In-process calls
 * (`app.request`) take the fetch path.
 */
export async function jsonBodyOf(c: Context, maxBytes: number): Promise<unknown> {
  const tooLarge = () =>
    new DomainError('PAYLOAD_TOO_LARGE', `request bodies here are limited to ${maxBytes} bytes`);
  const length = c.req.header('content-length');
  if (length !== undefined && /^\d+$/.test(length) && Number(length) > maxBytes) throw tooLarge();
  const incoming = (c.env as Partial<HttpBindings> | undefined)?.incoming;
  const text = incoming
    ? await readNodeBody(incoming, maxBytes, tooLarge)
    : await readFetchBody(c.req.raw, maxBytes, tooLarge);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new BadInputError('body must be JSON');
  }
}

/** The text of a Node request's body, refusing it past `maxBytes`. */
function readNodeBody(
  incoming: IncomingMessage,
  maxBytes: number,
  tooLarge: () => Error,
): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let ended = false;
    incoming.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        incoming.removeAllListeners('data');
        incoming.resume();
        reject(tooLarge());
      } else chunks.push(chunk);
    });
    incoming.once('end', () => {
      ended = true;
      resolve(Buffer.concat(chunks).toString('utf8'));
    });
    incoming.once('error', reject);
    // The client went away before the end: nothing else would settle.
    incoming.once('close', () => {
      if (!ended) reject(new BadInputError('the request body was cut off'));
    });
  });
}

/** The text of a fetch Request's body, refusing it past `maxBytes`. */
async function readFetchBody(
  request: Request,
  maxBytes: number,
  tooLarge: () => Error,
): Promise<string> {
  if (!request.body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of request.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.length;
    if (size > maxBytes) throw tooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
