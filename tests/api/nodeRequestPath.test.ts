import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../helpers/harness.js';
import { listen } from '../parking/realServer.js';

/**
 * Over a real socket, /graphql takes two request paths: JSON with a Content-Length goes to yoga
 * as the Node request, anything else (chunked, uploads) through hono's fetch Request. Both must
 * answer alike, with the same headers, limits and errors.
 */
interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function send(
  port: number,
  body: string,
  options: { chunked?: boolean; headers?: Record<string, string>; path?: string } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: options.path ?? '/graphql',
        method: 'POST',
        agent: false,
        headers: {
          'content-type': 'application/json',
          ...(options.chunked ? {} : { 'content-length': String(Buffer.byteLength(body)) }),
          ...options.headers,
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }),
        );
      },
    );
    req.on('error', reject);
    if (options.chunked) {
      // Two writes without a Content-Length: Node sends Transfer-Encoding: chunked.
      const half = Math.floor(body.length / 2);
      req.write(body.slice(0, half));
      req.end(body.slice(half));
    } else {
      req.end(body);
    }
  });
}

describe('/graphql over a real socket, with and without Content-Length', () => {
  let h: Harness;
  let server: ServerType;
  let port: number;

  beforeAll(async () => {
    h = createHarness({ env: { GRAPHQL_MAX_BODY_BYTES: '5000' } });
    server = serve({ fetch: h.app.fetch, hostname: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await h.close();
  });

  const query = JSON.stringify({
    query: 'query Q($first: Int) { feeds { id } routes(first: $first) { id } }',
    variables: { first: 2 },
  });

  it('answers a query the same on both paths, with the security, CORS and request-id headers', async () => {
    const plain = await send(port, query, { headers: { origin: 'https://app.example' } });
    const chunked = await send(port, query, {
      chunked: true,
      headers: { origin: 'https://app.example' },
    });
    for (const answer of [plain, chunked]) {
      expect(answer.status).toBe(200);
      expect(JSON.parse(answer.body)).toEqual({ data: { feeds: [], routes: [] } });
      expect(answer.headers['content-type']).toMatch(/^application\/json/);
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
      expect(answer.headers['access-control-allow-origin']).toBe('*');
      expect(answer.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      expect(Number(answer.headers['content-length'])).toBe(Buffer.byteLength(answer.body));
    }
  });

  it('refuses a body over GRAPHQL_MAX_BODY_BYTES with 413 on both paths', async () => {
    const big = JSON.stringify({ query: `{ feeds { id } }${' '.repeat(6000)}` });
    for (const answer of [await send(port, big), await send(port, big, { chunked: true })]) {
      expect(answer.status).toBe(413);
      expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } });
    }
  });

  it('answers broken JSON and bad variables with the same GraphQL errors on both paths', async () => {
    for (const body of [
      '{"query": "{ feeds { id }',
      JSON.stringify({ query: 'query Q($id: ID!) { stop(id: $id) { id } }' }),
    ]) {
      const plain = await send(port, body);
      const chunked = await send(port, body, { chunked: true });
      expect(plain.status).toBe(chunked.status);
      const codes = (answer: Answer) =>
        (JSON.parse(answer.body) as { errors?: { extensions?: { code?: string } }[] }).errors?.map(
          (e) => e.extensions?.code,
        );
      expect(codes(plain)).toEqual(codes(chunked));
      const errors = (JSON.parse(plain.body) as { errors?: { extensions?: { code?: string } }[] })
        .errors;
      expect(errors?.[0]?.extensions?.code).toEqual(expect.any(String));
    }
  });
});

describe('REST JSON bodies over a real socket and in process', () => {
  let h: Harness;
  let server: { url: string; close: () => Promise<void> };
  let port: number;
  let operator: string;

  beforeAll(async () => {
    h = createHarness();
    operator = await h.apiKey({ role: 'operator', operatorId: 'sample' });
    server = await listen(h.app);
    port = Number(new URL(server.url).port);
  });
  afterAll(async () => {
    await server.close();
    await h.close();
  });

  /** The same gate body over the socket (with and without a Content-Length) and through app.request. */
  const everyPath = async (body: string): Promise<Answer[]> => {
    const headers = { authorization: `Bearer ${operator}` };
    const inProcess = await h.app.request('/v1/parking/checkins', {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body,
    });
    return [
      await send(port, body, { path: '/v1/parking/checkins', headers }),
      await send(port, body, { path: '/v1/parking/checkins', headers, chunked: true }),
      { status: inProcess.status, headers: {}, body: await inProcess.text() },
    ];
  };

  it('reads a gate event the same on every path: a pass that does not parse is PASS_INVALID', async () => {
    const body = JSON.stringify({
      pass: 'not.a.pass',
      facilityId: 'sample:si-mall',
      at: new Date(h.clock.nowMs()).toISOString(),
      idempotencyKey: 'gate-1',
    });
    for (const answer of await everyPath(body)) {
      expect(JSON.parse(answer.body), answer.body).toMatchObject({
        error: { code: 'PASS_INVALID' },
      });
    }
  });

  it('answers broken JSON with 400 BAD_USER_INPUT and a body over 16 KiB with 413 on every path', async () => {
    for (const answer of await everyPath('{"pass": "a.b.c",')) {
      expect(answer.status).toBe(400);
      expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 'BAD_USER_INPUT' } });
    }
    const big = JSON.stringify({ pass: 'x'.repeat(17 * 1024), facilityId: 'f', at: 'now' });
    for (const answer of await everyPath(big)) {
      expect(answer.status).toBe(413);
      expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } });
    }
  });
});
