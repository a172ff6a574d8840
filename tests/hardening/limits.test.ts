import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Hono } from 'hono';
import { rateLimit } from '../../src/api/http/middleware/rate-limit/index.js';
import { payloadLimit } from '../../src/api/http/middleware/payload-limit/index.js';
import { createHarness, type Harness } from '../helpers/harness.js';

/** Posts a raw GraphQL body through the app, optionally from a given client IP (TRUST_PROXY is on). */
async function post(h: Harness, body: unknown, headers: Record<string, string> = {}) {
  const res = await h.app.request('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return {
    status: res.status,
    headers: res.headers,
    body: (await res.json()) as Record<string, unknown>,
  };
}

/** `{ a { a { … } } }` on `stop.parentStation`, `levels` deep. */
function deepQuery(levels: number): string {
  return `{ stop(id: "x") { ${'parentStation { '.repeat(levels)}id${' }'.repeat(levels)} } }`;
}

describe('GraphQL limits (graphql-armor), body size, metrics and headers', () => {
  let h: Harness;
  beforeAll(() => {
    h = createHarness({ env: { GRAPHQL_MAX_BODY_BYTES: '20000', METRICS_TOKEN: 'scrape-me' } });
  });
  afterAll(() => h.close());

  it('refuses a query deeper than 12 with GRAPHQL_VALIDATION_FAILED, accepts one within', async () => {
    const deep = await post(h, { query: deepQuery(14) });
    // 200 for application/json, 400 for the GraphQL-over-HTTP media type (as yoga does for any invalid document).
    expect(deep.status).toBe(200);
    const strict = await post(
      h,
      { query: deepQuery(14) },
      { accept: 'application/graphql-response+json' },
    );
    expect(strict.status).toBe(400);
    expect(deep.body.errors).toEqual([
      expect.objectContaining({
        extensions: expect.objectContaining({ code: 'GRAPHQL_VALIDATION_FAILED' }) as unknown,
      }),
    ]);
    expect(JSON.stringify(deep.body)).toMatch(/depth limit of 12/);
    const ok = await post(h, { query: deepQuery(8) });
    expect(JSON.stringify(ok.body)).not.toMatch(/limit/);
  });

  it('refuses more than 15 aliases, more than 10 directives and a token flood', async () => {
    const aliases = `{ ${Array.from({ length: 16 }, (_, i) => `a${i}: feeds { id }`).join(' ')} }`;
    const directives = `{ feeds ${'@include(if: true) '.repeat(11)}{ id } }`;
    const tokens = `{ feeds { ${'id '.repeat(4000)}} }`;
    for (const query of [aliases, directives, tokens]) {
      const res = await post(h, { query });
      expect(res.body.data).toBeUndefined();
      expect((res.body.errors as { extensions: { code: string } }[])[0]?.extensions.code).toBe(
        'GRAPHQL_VALIDATION_FAILED',
      );
    }
  });

  it('hides field suggestions', async () => {
    const res = await post(h, { query: '{ feedz { id } }' });
    expect(JSON.stringify(res.body)).not.toMatch(/Did you mean/);
  });

  it('answers 413 PAYLOAD_TOO_LARGE for a JSON body over GRAPHQL_MAX_BODY_BYTES, streamed or not', async () => {
    const big = JSON.stringify({
      query: '{ feeds { id } }',
      variables: { pad: 'x'.repeat(25_000) },
    });
    const res = await post(h, big);
    expect(res.status).toBe(413);
    expect(res.body).toEqual({
      error: { code: 'PAYLOAD_TOO_LARGE', message: expect.any(String) as unknown },
    });

    const app = new Hono();
    app.use('*', payloadLimit({ maxBytes: 10, multipartMaxBytes: 100 }));
    app.post('/', (c) => c.text('ok'));
    const stream = () =>
      new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('x'.repeat(50)));
          controller.close();
        },
      });
    const chunked = await app.request('/', {
      method: 'POST',
      body: stream(),
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
    const multipart = await app.request('/', {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
      body: stream(),
      duplex: 'half',
    } as RequestInit);
    expect(multipart.status).toBe(200);
  });

  it('serves /metrics in Prometheus format only with METRICS_TOKEN', async () => {
    await post(h, { query: 'query Feeds { feeds { id } }' });
    await post(h, {
      query:
        '{ plan(input: { from: { lat: 0, lon: 0 }, to: { lat: 0, lon: 0 }, departAt: "2026-12-01T08:00:00-05:00" }) { messages { code } } }',
    });
    expect((await h.app.request('/metrics')).status).toBe(401);
    const res = await h.app.request('/metrics', { headers: { authorization: 'Bearer scrape-me' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/plain/);
    const text = await res.text();
    expect(text).toMatch(
      /maas_graphql_request_duration_seconds_count\{operationName="Feeds",operationType="query",rootField="feeds",statusCode="200"\} 1/,
    );
    expect(text).toMatch(/maas_plan_duration_seconds_count\{operationName="Anonymous"\} 1/);
    expect(text).toMatch(
      /maas_graphql_errors_total\{rootField="plan",phase="execute",code="NOT_FOUND"\} 1/,
    );
    expect(text).toMatch(/maas_parking_reservations\{status="CONFIRMED"\} 0/);
    expect(text).toMatch(/process_resident_memory_bytes/);
  });

  it('keeps GraphiQL working under the security headers, and answers CORS preflights', async () => {
    const page = await h.app.request('/graphql', { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<html/i);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('content-security-policy')).toBeNull();
    const preflight = await h.app.request('/graphql', {
      method: 'OPTIONS',
      headers: {
        origin: 'https://app.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/Authorization/);
  });
});

describe('plan time budget', () => {
  it('counts and logs (with the request id, without coordinates) a plan over PLAN_TIME_BUDGET_MS', async () => {
    const h = createHarness({ env: { PLAN_TIME_BUDGET_MS: '0' } });
    try {
      const warnings: unknown[] = [];
      h.services.logger.warn = (entry: unknown) => {
        warnings.push(entry);
      };
      await post(h, {
        query:
          '{ plan(input: { from: { lat: 40.6, lon: -74.1 }, to: { lat: 40.62, lon: -74.08 }, departAt: "2026-12-02T08:00:00-05:00" }) { messages { code } } }',
      });
      expect(warnings).toEqual([
        {
          ms: expect.any(Number) as unknown,
          budgetMs: 0,
          requestId: expect.any(String) as unknown,
        },
      ]);
      const text = await (await h.app.request('/metrics')).text();
      expect(text).toMatch(/^maas_plan_over_budget_total 1$/m);
    } finally {
      await h.close();
    }
  });
});

describe('rate limits per IP and per credential', () => {
  it('429 RATE_LIMITED with Retry-After past RATE_LIMIT_PER_MINUTE per IP; other IPs and loopback unaffected', async () => {
    const h = createHarness({ env: { RATE_LIMIT_PER_MINUTE: '3', TRUST_PROXY: 'true' } });
    try {
      const from = (ip: string) => post(h, { query: '{ ok }' }, { 'x-forwarded-for': ip });
      for (let i = 0; i < 3; i++) expect((await from('203.0.113.5')).status).toBe(200);
      const limited = await from('203.0.113.5');
      expect(limited.status).toBe(429);
      expect(limited.body).toEqual({
        error: { code: 'RATE_LIMITED', message: expect.any(String) as unknown },
      });
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await from('203.0.113.6')).status).toBe(200);
      // Only the last hop, the one the proxy adds, counts: a client cannot pose as another address.
      expect((await from('198.18.0.9, 203.0.113.5')).status).toBe(429);
      expect((await from('203.0.113.5, 198.18.0.10')).status).toBe(200);
      for (let i = 0; i < 5; i++) expect((await from('127.0.0.1')).status).toBe(200);
      // Without a socket (in-process app.request) nothing is limited.
      for (let i = 0; i < 5; i++) expect((await post(h, { query: '{ ok }' })).status).toBe(200);
    } finally {
      await h.close();
    }
  });

  it('limits each credential across IPs, keyed so that a forged token does not drain the real one', async () => {
    const app = new Hono();
    app.use('*', rateLimit({ perMinute: 100, credentialPerMinute: 2, trustProxy: true }));
    app.get('/', (c) => c.text('ok'));
    const get = (ip: string, auth?: string) =>
      app.request('/', {
        headers: { 'x-forwarded-for': ip, ...(auth ? { authorization: auth } : {}) },
      });
    expect((await get('198.51.100.1', 'Bearer rider-a')).status).toBe(200);
    expect((await get('198.51.100.2', 'Bearer rider-a')).status).toBe(200);
    expect((await get('198.51.100.3', 'Bearer rider-a')).status).toBe(429);
    expect((await get('198.51.100.3', 'Bearer rider-b')).status).toBe(200);
    expect((await get('198.51.100.3')).status).toBe(200);
  });

  it('RATE_LIMIT_PER_MINUTE=0 turns limiting off', async () => {
    const app = new Hono();
    app.use('*', rateLimit({ perMinute: 0, credentialPerMinute: 1, trustProxy: true }));
    app.get('/', (c) => c.text('ok'));
    for (let i = 0; i < 5; i++) {
      expect(
        (
          await app.request('/', {
            headers: { 'x-forwarded-for': '192.0.2.1', authorization: 'Bearer x' },
          })
        ).status,
      ).toBe(200);
    }
  });
});
