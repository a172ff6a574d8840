import type { GqlResult, Harness } from './harness.js';

/** What tests read of an import's answer, REST body or GraphQL `ImportFeedPayload` alike. */
export interface ImportAnswer {
  feed: { id: string; version?: number; counts?: { trips: number } };
  warnings: { code: string; feedId: string; text: string }[];
}

/** Posts a GTFS zip to `POST /v1/feeds/:feedId` through the app, with an optional bearer key. */
export async function uploadFeed(
  h: Harness,
  feedId: string,
  body: Uint8Array | string,
  key?: string,
): Promise<{
  status: number;
  body: Partial<ImportAnswer> & { error?: { code: string; message: string } };
}> {
  const res = await h.app.request(`/v1/feeds/${feedId}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/zip',
      ...(key ? { authorization: `Bearer ${key}` } : {}),
    },
    body: typeof body === 'string' ? body : new Uint8Array(body),
  });
  return { status: res.status, body: (await res.json()) as never };
}

/**
 * Sends the GraphQL multipart request of `importFeed(input: { feedId, file: $file })`, the zip as
 * variable `file`; `selection` is what to read of the payload, e.g. `feed { id }`.
 */
export async function importFeedMultipart(
  h: Harness,
  feedId: string,
  zip: Uint8Array,
  selection: string,
  key?: string,
): Promise<GqlResult<{ importFeed: ImportAnswer }>> {
  const form = new FormData();
  const query = `mutation($file: File!) { importFeed(input: { feedId: ${JSON.stringify(feedId)}, file: $file }) { ${selection} } }`;
  form.append('operations', JSON.stringify({ query, variables: { file: null } }));
  form.append('map', JSON.stringify({ 0: ['variables.file'] }));
  form.append('0', new Blob([new Uint8Array(zip)], { type: 'application/zip' }), 'feed.zip');
  const res = await h.app.request('/graphql', {
    method: 'POST',
    headers: key ? { authorization: `Bearer ${key}` } : {},
    body: form,
  });
  return (await res.json()) as never;
}
