/**
 * Contract: `POST /v1/ratings/batch` over the real HTTP server.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningMockServer } from '../../mock-server/src/index.ts';
import {
  computeOrgCodeCheckChar,
  computeUsccCheckChar,
  parseIdCard,
} from '../../sdk/src/identifiers/index.ts';
import { BatchRatingsResponse, ScreeningRecord } from '../../sdk/src/resources/ratings.ts';
import { seeds } from '../../seeds/index.ts';
import { call, expectJson, expectProblem, startServer } from './support.ts';

let server: RunningMockServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
beforeEach(async () => {
  await fetch(`${server.url}/__mock/reset`, { method: 'POST' });
});

const plain = seeds.enterprises.filter((e) => !e.tags.some((t) => t.startsWith('magic:')));
const screening = new Set<string>(ScreeningRecord.options.map((o) => o.shape.category.value));

function batch(ids: string[]) {
  return call(server.url, '/v1/ratings/batch', { body: { ids } });
}

describe('POST /v1/ratings/batch', () => {
  it('summarises found enterprises from the seed, in request order', async () => {
    const picked = plain.slice(0, 5);
    const result = await expectJson(
      await batch(picked.map((e) => e.subject.uscc)),
      200,
      BatchRatingsResponse,
    );
    expect(result.data.map((i) => [i.id, i.status])).toEqual(picked.map((e) => [e.subject.uscc, 'found']));
    for (const [index, item] of result.data.entries()) {
      const seed = picked[index];
      if (item.status !== 'found' || seed === undefined) throw new Error('expected a found item');
      expect(item.summary.subject).toEqual(seed.subject);
      expect(item.summary.grades).toEqual(seed.grades);
      expect(item.summary.lists).toEqual(seed.lists);
      expect(item.summary.sources).toEqual(seed.sources);
      // Only the screening categories travel in a batch summary.
      expect(item.summary.records.map((r) => r.id)).toEqual(
        seed.records.filter((r) => screening.has(r.category)).map((r) => r.id),
      );
    }
  });

  it('carries every seed record category to the screening packs, the two new ones included', async () => {
    const edges: Array<[string, string, string]> = [
      ['edge:contract-breached', 'contract_performance', 'breached'],
      ['edge:quality-failed', 'product_quality', 'fail'],
      ['edge:construction-blacklist', 'construction', 'blacklist'],
      ['edge:land-idle', 'land_resources', 'idle_land'],
      ['edge:land-illegal-use', 'land_resources', 'illegal_land_use'],
      ['edge:env-black-list', 'environmental', 'black_list'],
      ['edge:work-safety-dishonest', 'work_safety', 'dishonest_list'],
      ['edge:food-blacklist', 'food_safety', 'serious_violation_blacklist'],
    ];
    const ids = edges.map(
      ([tag]) => seeds.enterprises.find((e) => e.tags.includes(tag))?.subject.uscc ?? tag,
    );
    const result = await expectJson(await batch(ids), 200, BatchRatingsResponse);
    for (const [i, [tag, category, kind]] of edges.entries()) {
      const item = result.data[i];
      if (item?.status !== 'found') throw new Error(`${tag} not found`);
      // Its kind or outcome as the record says it (`kind`, or `result` for contracts and spot checks).
      const said = item.summary.records
        .filter((r) => r.category === category)
        .flatMap((r) => [(r as { kind?: string }).kind, (r as { result?: string }).result]);
      expect(said, `${tag}: no ${category} record of ${kind}`).toContain(kind);
    }
  });

  it('derives taxCredit from tax grades and tax records, newest year first', async () => {
    const e = plain.find(
      (x) =>
        x.grades.some((g) => g.scale === 'tax_credit') || x.records.some((r) => r.category === 'tax_credit'),
    );
    if (e === undefined) throw new Error('no enterprise with a tax grade');
    const result = await expectJson(await batch([e.subject.uscc]), 200, BatchRatingsResponse);
    const item = result.data[0];
    if (item?.status !== 'found') throw new Error('expected found');
    const expected = new Map<number, string>();
    for (const r of e.records) if (r.category === 'tax_credit') expected.set(r.year, r.grade);
    for (const g of e.grades) if (g.scale === 'tax_credit') expected.set(g.year, g.value);
    expect(item.summary.taxCredit).toEqual(
      [...expected].sort(([a], [b]) => b - a).map(([year, grade]) => ({ year, grade })),
    );
  });

  it('accepts org codes with and without hyphen and 15-digit registration numbers', async () => {
    const e = plain.find((x) => x.subject.regNo !== null);
    if (e === undefined || e.subject.regNo === null) throw new Error('no enterprise with a 注册号');
    const ids = [e.subject.orgCode, e.subject.orgCode.replace('-', ''), e.subject.regNo];
    const result = await expectJson(await batch(ids), 200, BatchRatingsResponse);
    expect(result.data.map((i) => (i.status === 'found' ? i.summary.subject.id : i.status))).toEqual([
      e.subject.id,
      e.subject.id,
      e.subject.id,
    ]);
  });

  it('fails one item, not the batch, for a wrong check character, with the expected one', async () => {
    const e = plain[0];
    if (e === undefined) throw new Error('no enterprise');
    const body = e.subject.uscc.slice(0, 17);
    const right = computeUsccCheckChar(body);
    const wrong = right === '0' ? '1' : '0';
    const orgBody = e.subject.orgCode.replace('-', '').slice(0, 8);
    const orgRight = computeOrgCodeCheckChar(orgBody);
    const orgWrong = orgRight === '0' ? '1' : '0';
    const result = await expectJson(
      await batch([`${body}${wrong}`, e.subject.uscc, `${orgBody}-${orgWrong}`]),
      200,
      BatchRatingsResponse,
    );
    const [bad, good, badOrg] = result.data;
    expect(bad).toMatchObject({
      id: `${body}${wrong}`,
      status: 'invalid_identifier',
      expectedCheckChar: right,
    });
    expect(bad?.status === 'invalid_identifier' && bad.message).toContain('校验');
    expect(good?.status).toBe('found');
    expect(badOrg).toMatchObject({ status: 'invalid_identifier', expectedCheckChar: orgRight });
  });

  it('answers not_found for a valid code the seed does not know', async () => {
    const body = '91440300MA5F00000';
    const unknown = `${body}${computeUsccCheckChar(body)}`;
    expect(seeds.enterprises.some((e) => e.subject.uscc === unknown)).toBe(false);
    const result = await expectJson(await batch([unknown]), 200, BatchRatingsResponse);
    expect(result.data).toEqual([{ id: unknown, status: 'not_found' }]);
  });

  it('rejects personal ID numbers per item: they need a report order with authorization', async () => {
    const person = seeds.individuals[0];
    if (person === undefined) throw new Error('no individual');
    expect(parseIdCard(person.idNumber).ok).toBe(true);
    const result = await expectJson(await batch([person.idNumber]), 200, BatchRatingsResponse);
    const item = result.data[0];
    expect(item).toMatchObject({
      id: person.idNumber,
      status: 'invalid_identifier',
      expectedCheckChar: null,
    });
    expect(item?.status === 'invalid_identifier' && item.message).toContain('授权');
    expect(item?.status === 'invalid_identifier' && item.message).toContain('authorization');
  });

  it('answers 400 with issues for an empty, oversized or malformed body', async () => {
    const empty = await expectProblem(await batch([]), 400, 'invalid_request');
    expect(empty.issues?.map((i) => i.path)).toEqual(['body.ids']);

    const ids = Array.from({ length: 101 }, (_, i) => plain[i % plain.length]?.subject.uscc ?? '');
    const tooMany = await expectProblem(await batch(ids), 400, 'invalid_request');
    expect(tooMany.issues?.map((i) => i.path)).toEqual(['body.ids']);

    const notJson = await call(server.url, '/v1/ratings/batch', { body: '{"ids": [' });
    const problem = await expectProblem(notJson, 400, 'invalid_request');
    expect(problem.issues).toEqual([{ path: 'body', message: 'the body is not valid JSON' }]);
  });

  it('takes a full batch of 100', async () => {
    const ids = Array.from({ length: 100 }, (_, i) => plain[i % plain.length]?.subject.uscc ?? '');
    const result = await expectJson(await batch(ids), 200, BatchRatingsResponse);
    expect(result.data).toHaveLength(100);
    expect(result.data.every((i) => i.status === 'found')).toBe(true);
  });
});
