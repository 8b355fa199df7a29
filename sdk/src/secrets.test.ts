/**
 * The API key and ID numbers stay out of everything a developer prints or logs: errors of every
 * kind and their causes (whatever a custom fetch throws), the client however it is printed,
 * and hook events, including the errors they carry.
 */
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createClient } from './client.ts';
import { serializeError } from './core/errors.ts';
import type { ErrorEvent, RequestEvent } from './core/http.ts';

const KEY = 'xj_live_9f8e7d6c5b4a39281706f5e4';
const ID = '330106199001017745';
const base = { baseUrl: 'https://api.xinjian.test', apiKey: KEY, maxRetries: 0 } as const;

const printed = (e: unknown): string[] => [
  inspect(e, { depth: 10, showHidden: true }),
  JSON.stringify(e),
  JSON.stringify(serializeError(e)),
  String(e),
];

describe('the API key', () => {
  it('is absent from an error a custom fetch throws, its message and its non-Error cause', async () => {
    const client = createClient({
      ...base,
      fetch: async (input) => {
        const request = input instanceof Request ? input : new Request(input);
        const auth = request.headers.get('authorization') ?? '';
        throw new TypeError(`proxy refused ${auth}`, {
          cause: { headers: { authorization: auth }, note: `sent ${auth}` },
        });
      },
    });
    const e = await client.account.retrieve().catch((x: unknown) => x);
    expect((e as Error).name).toBe('APIConnectionError');
    for (const text of printed(e)) expect(text).not.toContain(KEY);
    expect(inspect(e, { depth: 10 })).toContain('proxy refused Bearer ***');
  });

  it('is absent however the client is printed, credential headers given as defaultHeaders too', () => {
    const client = createClient({
      ...base,
      defaultHeaders: { 'X-Api-Key': KEY, Authorization: `Bearer ${KEY}`, 'X-Client': 'app/1' },
    });
    for (const text of [
      inspect(client, { depth: 10 }),
      inspect(client, { depth: 10, showHidden: true }),
      inspect(client.products, { depth: 10, showHidden: true }),
      JSON.stringify(client),
      JSON.stringify(client.toJSON()),
    ]) {
      expect(text).not.toContain(KEY);
    }
    expect(inspect(client, { depth: 10 })).toContain('app/1');
    expect(client.withOptions({ timeout: 1 }).toJSON().options.defaultHeaders).toEqual({
      'X-Api-Key': '***f5e4',
      Authorization: 'Bearer ***f5e4',
      'X-Client': 'app/1',
    });
  });
});

describe('hook events', () => {
  it('mask ID numbers in the path, the URL and the errors they carry, and credential headers', async () => {
    const events: (RequestEvent | ErrorEvent)[] = [];
    const client = createClient({
      ...base,
      defaultHeaders: { Cookie: `session=${KEY}` },
      hooks: { onRequest: (e) => events.push(e), onError: (e) => events.push(e) },
      fetch: async () =>
        new Response(
          JSON.stringify({
            type: 'about:blank',
            title: 'Not Found',
            status: 404,
            code: 'not_found',
            message: `没有主体 ${ID}`,
            requestId: 'req_1',
            detail: `no subject ${ID}`,
            issues: [{ path: 'q', message: `unknown ${ID}` }],
          }),
          { status: 404, headers: { 'content-type': 'application/problem+json', 'x-request-id': 'req_1' } },
        ),
    });
    const e = await client.subjects.search(ID).catch((x: unknown) => x);
    const text = JSON.stringify(events) + inspect(events, { depth: 10 });
    expect(text).not.toContain(ID);
    expect(text).not.toContain(KEY);
    expect(text).toContain('330***********7745');
    for (const t of printed(e)) expect(t).not.toContain(ID);
  });
});
