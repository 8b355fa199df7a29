import { type EvidenceFile, sealEvidence } from '@xinjian/sdk/evidence';
import { evaluateProcurement } from '@xinjian/sdk/rules';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ratingSummary } from '../../../mock-server/src/catalog.ts';
import { enterpriseByTag } from '../../../seeds/index.ts';
import type { Language } from '../i18n.ts';
import { maskedId } from '../personal.ts';
import { type EvidenceContext, screeningRecord } from './evidence.ts';
import { EvidenceView } from './evidence-page.tsx';
import type { TabPerson, TabRecord, TabSubject } from './model.ts';
import { codeSubject, nameSubject } from './subjects.ts';
import { applicationPeople, failedPerson, LISTED_REP, WAITING_REP } from './test-people.ts';

let container: HTMLElement;
beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(() => {
  render(null, container);
  container.remove();
});

const NOW = new Date('2026-11-25T02:00:00Z');

function checked(tag: string): TabSubject {
  const seed = enterpriseByTag(tag);
  const summary = ratingSummary(seed, NOW);
  return {
    subject: codeSubject('uscc', seed.subject.uscc, { name: seed.subject.name, role: 'bidder' }),
    result: {
      state: 'done',
      summary,
      screening: evaluateProcurement(summary, { asOf: '2026-11-25', cutoff: '2026-11-20' }),
      match: null,
      checkedAt: '2026-11-25T02:00:00.000Z',
    },
  };
}

async function sealed(
  language: Language,
  more: TabSubject[] = [],
  people: TabPerson[] = [],
  consortia: TabRecord['consortia'] = [],
): Promise<EvidenceFile> {
  const tab: TabRecord = {
    tabId: 7,
    url: 'http://127.0.0.1:8787/demo/bid-opening',
    title: '开标记录',
    mode: 'procurement',
    ruleSet: 'procurement',
    layoutId: null,
    pageCutoff: '2026-11-20',
    cutoff: { date: '2026-11-20', source: 'page' },
    startedAt: '2026-11-25T01:59:00.000Z',
    subjects: [
      checked('edge:clean'),
      checked('edge:source-unavailable'),
      {
        subject: nameSubject('某某公司', { role: 'bidder' }),
        result: {
          state: 'unavailable',
          reason: { zh: '信用服务暂时不可用（503）', en: 'the credit service is unavailable (503)' },
          error: null,
          retryAt: null,
        },
      },
      ...more,
    ],
    consortia,
    ...(people.length > 0 ? { people } : {}),
  };
  const ctx: EvidenceContext = {
    operator: null,
    language,
    reportIds: {},
    tool: { name: 'xinjian-extension', version: '0.0.0-test' },
    api: { baseUrl: 'http://127.0.0.1:8787', demo: true },
    offsetMinutes: 480,
  };
  return sealEvidence(screeningRecord(tab, ctx, '2026-11-25T10:05:00.000+08:00'));
}

const text = (testId: string) =>
  [...container.querySelectorAll(`[data-testid="${testId}"]`)].map((e) => e.textContent ?? '');

describe('the printed evidence', () => {
  it('shows the sealed digest, each lookup time with its offset and how to verify', async () => {
    const file = await sealed('zh-CN');
    await act(() => render(<EvidenceView file={file} />, container));
    expect(text('sha256')).toEqual([file.digest.value]);
    expect(text('queried-at')).toEqual([
      '2026-11-25 10:00:00 UTC+08:00',
      '2026-11-25 10:00:00 UTC+08:00',
      '—',
    ]);
    expect(text('generated-at')).toEqual(['2026-11-25 10:05:00 UTC+08:00']);
    expect(text('how-to-verify')[0]).toContain('npx xinjian verify');
    expect(container.textContent).toContain('未填写（在设置中填写经办人）');
    expect(container.textContent).toContain('演示数据');
  });

  it('prints a list that could not be checked as 未能查询 with the reason, never an empty box', async () => {
    const file = await sealed('zh-CN');
    await act(() => render(<EvidenceView file={file} />, container));
    const unchecked = [...container.querySelectorAll('[data-status="unchecked"]')];
    expect(unchecked.length).toBeGreaterThan(0);
    for (const l of unchecked) expect(l.textContent).toMatch(/未能查询：.+/);
    for (const l of container.querySelectorAll('[data-status="clear"]'))
      expect(l.textContent).toContain('□ 未列入');
    // A subject with no answer says so in its list cell too.
    const row = container.querySelector('tr[data-state="unavailable"]');
    expect(row?.textContent).toContain('未能查询：信用服务暂时不可用（503）');
  });

  it('prints an English record in English', async () => {
    const file = await sealed('en');
    await act(() => render(<EvidenceView file={file} />, container));
    const all = container.textContent ?? '';
    expect(all).toContain('Credit information query record');
    expect(all).toContain('Could not be checked: the credit service is unavailable (503)');
    // The page's own asides in English punctuation (the service's reasons stay as it sent them).
    expect(all).toContain('2026-11-20 (from the page)');
    expect(all).not.toContain('（from the page）');
    expect(text('how-to-verify')[0]).toContain('npx xinjian verify FILE');
  });

  it('marks a cited name that is not a 文号 and links its source', async () => {
    const file = await sealed('zh-CN', [checked('edge:dishonest-active')]);
    await act(() => render(<EvidenceView file={file} />, container));
    const link = [...container.querySelectorAll<HTMLAnchorElement>('a')].find(
      (a) => a.textContent === '最高人民法院失信被执行人名单规定',
    );
    expect(link?.getAttribute('href')).toMatch(/^https:\/\/zxgk\.court\.gov\.cn\//);
    expect(link?.parentElement?.textContent).toContain('最高人民法院失信被执行人名单规定（名称，非文号）');
    // A 文号 stays text.
    expect([...container.querySelectorAll('a')].map((a) => a.textContent)).not.toContain('财库〔2016〕125号');
  });
});

describe('the people on the printed evidence', () => {
  const row = (key: string) => container.querySelector(`[data-testid="people"] tr[data-key="${key}"]`);

  it('prints each person masked, with the verdict in words and icon, findings, authorization and what the signatures do not cover', async () => {
    const file = await sealed('zh-CN', [], applicationPeople());
    await act(() => render(<EvidenceView file={file} />, container));
    const done = row('person:1');
    expect(done?.textContent).toContain(maskedId(LISTED_REP.idNumber));
    expect(done?.textContent).toContain('法定代表人');
    expect(done?.querySelector('.verdict')?.textContent).toBe('! 需复核');
    expect(done?.textContent).toContain('发改财金〔2016〕141号');
    expect(done?.textContent).toContain('SX-2026-001');
    expect(done?.textContent).toContain('信贷审批（授信）');
    expect(done?.textContent).toContain('rpt-p-1');
    const waiting = row('person:2');
    expect(waiting?.querySelector('.verdict')?.textContent).toBe('✎ 需授权确认');
    expect(waiting?.textContent).toContain('未确认授权，未查询');
    expect(text('people-unsigned')[0]).toContain('不在信用服务签名');
    // Masked only: no full number, no region prefix, no birth date anywhere on the page.
    const all = container.textContent ?? '';
    for (const id of [LISTED_REP.idNumber, WAITING_REP.idNumber]) {
      expect(all).not.toContain(id);
      expect(all).not.toContain(id.slice(0, 6));
      expect(all).not.toContain(id.slice(6, 14));
    }
  });

  it("prints the application's verdict with its representative counted under the companies' own", async () => {
    const member = checked('edge:major-tax');
    const borrower: TabSubject = {
      ...member,
      subject: { ...member.subject, consortium: { id: 'credit-application', name: '授信申请' } },
    };
    const companies = borrower.result.state === 'done' ? borrower.result.screening : null;
    if (!companies) throw new Error('the borrower was not screened');
    const file = await sealed('zh-CN', [borrower], applicationPeople({ group: 'credit-application' }), [
      {
        id: 'credit-application',
        name: '授信申请',
        memberKeys: [borrower.subject.key],
        screening: { ...companies, verdict: 'review' },
      },
    ]);
    await act(() => render(<EvidenceView file={file} />, container));
    const group = container.querySelector('[data-testid="consortia"] tr[data-key="credit-application"]');
    const line = group?.querySelector('[data-testid="group-with-people"]');
    expect(line?.textContent).toContain('计入人员结果后：需复核');
    expect(line?.textContent).toContain('不在签名覆盖范围内');
    // The companies' own verdict stays first, as their signed answers give it.
    expect(group?.querySelector('strong')?.textContent).toBe(file.record.groups[0]?.label);
  });

  it('prints a failed lookup as failed, with its reason, never as a verdict', async () => {
    const file = await sealed('zh-CN', [], [failedPerson()]);
    await act(() => render(<EvidenceView file={file} />, container));
    const failed = row('person:3');
    expect(failed?.getAttribute('data-state')).toBe('error');
    expect(failed?.querySelector('.verdict')?.textContent).toBe('⊘ 查询失败');
    expect(failed?.textContent).toContain('信用服务暂时不可用（503），请稍后重试。');
    expect(failed?.textContent).not.toContain('未发现');
  });

  it('prints the people in English in an English record', async () => {
    const file = await sealed('en', [], applicationPeople());
    await act(() => render(<EvidenceView file={file} />, container));
    const section = container.querySelector('[data-testid="people"]')?.textContent ?? '';
    expect(section).toContain('Legal representative');
    expect(row('person:1')?.querySelector('.verdict')?.textContent).toBe('! review');
    expect(section).toContain('Credit lending approval');
    expect(row('person:2')?.textContent).toContain('No authorization confirmed; not looked up');
    expect(text('people-unsigned')[0]).toContain('not covered by the signatures');
    // The page's own words in English (a citation's title stays as the rule pack gives it).
    expect(section).not.toMatch(/需复核|授权书编号|需授权确认|未确认授权|证件号码/);
  });

  it('prints no people section for a page without people', async () => {
    const file = await sealed('zh-CN');
    await act(() => render(<EvidenceView file={file} />, container));
    expect(container.querySelector('[data-testid="people"]')).toBeNull();
  });
});
