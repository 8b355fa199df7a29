/**
 * Contract: a record date that is not an ISO 8601 calendar day never reaches a rule pack. The
 * SDK rejects the response at the schema with a ResponseValidationError naming the field.
 */
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ratingSummary } from '../../mock-server/src/catalog.ts';
import { createMockApi } from '../../mock-server/src/index.ts';
import { createClient } from '../../sdk/src/client.ts';
import { ResponseValidationError } from '../../sdk/src/core/errors.ts';
import { DEMO_API_KEY, enterpriseByTag } from '../../seeds/index.ts';

const BASE = 'https://api.xinjian.test';
const api = createMockApi({ baseUrl: BASE, reportDelayMs: 0 });
const server = setupServer(...api.handlers);
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterEach(() => {
  server.resetHandlers();
  api.state.reset();
});
afterAll(() => server.close());

const listed = enterpriseByTag('edge:dishonest-active');

/** The mock's own summary of the subject, with its listing date replaced. */
function withListedAt(listedAt: string) {
  const summary = structuredClone(ratingSummary(listed, new Date('2026-11-02T09:00:00Z')));
  for (const r of summary.records) if (r.category === 'dishonest_judgment_debtor') r.listedAt = listedAt;
  server.use(
    http.post(`${BASE}/v1/ratings/batch`, () =>
      HttpResponse.json({ data: [{ id: listed.subject.uscc, status: 'found', summary }] }),
    ),
  );
}

describe('record dates at the schema', () => {
  it.each(['2026/11/15', '2026-02-30', '15.11.2026'])(
    'a summary with listedAt %s is a ResponseValidationError naming the field',
    async (date) => {
      withListedAt(date);
      const client = createClient({ baseUrl: BASE, apiKey: DEMO_API_KEY, maxRetries: 0 });
      const error = await client.ratings.get(listed.subject.uscc).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ResponseValidationError);
      const e = error as ResponseValidationError;
      expect(e.issues.some((i) => i.path.includes('listedAt'))).toBe(true);
      expect(e.issues.find((i) => i.path.includes('listedAt'))?.message).toBe(
        'expected a calendar date YYYY-MM-DD',
      );
    },
  );

  it.each([
    ['edge:land-idle', 'land_resources'],
    ['edge:food-blacklist', 'food_safety'],
  ])('a %s record dated 2026/03/20 is rejected too, naming its date', async (tag, category) => {
    const e = enterpriseByTag(tag);
    const summary = structuredClone(ratingSummary(e, new Date('2026-11-02T09:00:00Z')));
    const record = summary.records.find((r) => r.category === category) as { date: string } | undefined;
    if (!record) throw new Error(`${tag} has no ${category} record`);
    record.date = '2026/03/20';
    server.use(
      http.post(`${BASE}/v1/ratings/batch`, () =>
        HttpResponse.json({ data: [{ id: e.subject.uscc, status: 'found', summary }] }),
      ),
    );
    const client = createClient({ baseUrl: BASE, apiKey: DEMO_API_KEY, maxRetries: 0 });
    const error = await client.ratings.get(e.subject.uscc).catch((x: unknown) => x);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as ResponseValidationError).issues.some((i) => i.path.includes('date'))).toBe(true);
  });

  it('a list membership since 15.11.2026 is rejected, naming since', async () => {
    const summary = structuredClone(ratingSummary(listed, new Date('2026-11-02T09:00:00Z')));
    const [first] = summary.lists;
    if (!first) throw new Error('the listed subject has no list membership');
    first.since = '15.11.2026';
    server.use(
      http.post(`${BASE}/v1/ratings/batch`, () =>
        HttpResponse.json({ data: [{ id: listed.subject.uscc, status: 'found', summary }] }),
      ),
    );
    const client = createClient({ baseUrl: BASE, apiKey: DEMO_API_KEY, maxRetries: 0 });
    const error = await client.ratings.get(listed.subject.uscc).catch((x: unknown) => x);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as ResponseValidationError).issues.some((i) => i.path.includes('since'))).toBe(true);
  });
});
