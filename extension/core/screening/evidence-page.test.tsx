import { type EvidenceFile, sealEvidence } from '@xinjian/sdk/evidence';
import { evaluateProcurement } from '@xinjian/sdk/rules';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ratingSummary } from '../../../mock-server/src/catalog.ts';
import { enterpriseByTag } from '../../../seeds/index.ts';
import type { Language } from '../i18n.ts';
import { type EvidenceContext, screeningRecord } from './evidence.ts';
import { EvidenceView } from './evidence-page.tsx';
import type { TabRecord, TabSubject } from './model.ts';
import { codeSubject, nameSubject } from './subjects.ts';

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

async function sealed(language: Language, more: TabSubject[] = []): Promise<EvidenceFile> {
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
    consortia: [],
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
