import { XinjianError } from '@xinjian/sdk';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { ratingSummary } from '../../../mock-server/src/catalog.ts';
import { enterpriseByTag, enterprisesByTag, SEED_AS_OF } from '../../../seeds/index.ts';
import { setLanguage } from '../../core/i18n.ts';
import { screen, unavailable } from '../../core/screening/background/resolve.ts';
import type { SubjectResult } from '../../core/screening/model.ts';
import { codeSubject, nameSubject } from '../../core/screening/subjects.ts';
import { testRoot } from '../../core/ui/test-root.ts';
import { companyConfig } from './companies.ts';
import type { LoanCompany, LoanCompanyPart } from './model.ts';
import { LoanPanel } from './panel.tsx';
import { loanTabRecord } from './test-record.tsx';

const root = testRoot();

const listed = enterpriseByTag('edge:dishonest-active');
const [twinA, twinB] = enterprisesByTag('same-name:1');

// A company screened as the background screens it: the seed's summary, `credit` for its part.
function screened(part: LoanCompanyPart, seed = listed): LoanCompany {
  const summary = ratingSummary(seed, new Date(`${SEED_AS_OF}T02:00:00Z`));
  const config = companyConfig(part);
  const result: SubjectResult = {
    state: 'done',
    summary,
    screening: screen(summary, { ruleSet: 'credit', asOf: SEED_AS_OF, cutoff: SEED_AS_OF, config }),
    match: null,
    checkedAt: `${SEED_AS_OF}T02:00:00.000Z`,
  };
  return { subject: codeSubject('uscc', seed.subject.uscc, { role: 'mention' }), part, result };
}

const companies: LoanCompany[] = [
  screened('developer'),
  {
    subject: codeSubject('uscc', enterpriseByTag('edge:clean').subject.uscc, { role: 'mention' }),
    part: 'employer',
    result: unavailable(new XinjianError('unconfigured: set the API address and key in the options')),
  },
  screened('guarantor'),
  {
    subject: nameSubject(twinA?.subject.name ?? '', { role: 'mention' }),
    part: 'other',
    result: {
      state: 'ambiguous',
      candidates: [twinA, twinB].map((e) => ({
        subject: e?.subject,
        confidence: 0.5,
        matchType: 'exact_name',
        sameNameCount: 2,
      })) as never,
    },
  },
];

type Row = {
  part: string;
  state: string;
  company: string;
  partText: string;
  verdict: string;
  reason: string;
};

async function rows(language: 'zh-CN' | 'en'): Promise<Row[]> {
  setLanguage(language);
  const record = loanTabRecord({ companies });
  await act(async () => {
    render(<LoanPanel record={record} operator="张三" initialKey={null} />, root);
  });
  const section = root.querySelector('[data-testid="companies"]') as HTMLElement;
  expect(section.querySelector('h2')?.textContent).toBe(
    language === 'zh-CN' ? '页面上的企业' : 'Companies on this page',
  );
  return [...section.querySelectorAll('tbody tr')].map((tr) => {
    const cells = [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '');
    return {
      part: (tr as HTMLElement).dataset.part ?? '',
      state: (tr as HTMLElement).dataset.state ?? '',
      company: cells[0] ?? '',
      partText: cells[1] ?? '',
      verdict: cells[2] ?? '',
      reason: cells[3] ?? '',
    };
  });
}

describe('the side panel’s companies on a loan page', () => {
  it('lists each by part, guarantors first, with its verdict as icon and word and its reason', async () => {
    const zh = await rows('zh-CN');
    expect(zh.map((r) => [r.part, r.state, r.verdict])).toEqual([
      ['guarantor', 'fail', '✕不通过'],
      ['developer', 'review', '!需复核'],
      ['employer', 'unavailable', '⊘暂不可用'],
      ['other', 'ambiguous', '⋯请选择主体'],
    ]);
    expect(zh.map((r) => r.partText.split('信贷')[0])).toEqual([
      '担保人',
      '售房单位',
      '工作单位',
      '其他企业',
    ]);
    // The listing is the reason in both parts; only the guarantor's bars the guarantee.
    expect(zh[0]?.reason).toContain('失信被执行人');
    expect(zh[1]?.reason).toContain('失信被执行人');
    expect(zh[0]?.company).toContain(listed.subject.uscc);
    // An API failure is unavailable with its reason, never a pass.
    expect(zh[2]?.reason).toContain('尚未配置 API 地址或密钥');
    expect(zh[3]?.reason).toBe('同名企业不止一家，请在页面上该企业的标记中选择');
    expect(root.querySelector('[data-testid="companies"]')?.textContent).toContain('不计入家庭审核结论');
  });

  it('says the same in English', async () => {
    const en = await rows('en');
    expect(en.map((r) => r.verdict)).toEqual(['✕Fail', '!Review', '⊘Unavailable', '⋯Pick a subject']);
    expect(en.map((r) => r.partText.split('Credit rules')[0])).toEqual([
      'Guarantor',
      'Developer (seller)',
      'Employer',
      'Other company',
    ]);
    expect(en[2]?.reason).toBe('The API address or key is not set; see the options.');
    expect(en.every((r) => r.verdict !== '✓Pass')).toBe(true);
  });

  it('says when the page showed no company', async () => {
    setLanguage('zh-CN');
    await act(async () => {
      render(<LoanPanel record={loanTabRecord()} operator="张三" initialKey={null} />, root);
    });
    expect(root.querySelector('[data-testid="companies"]')?.textContent).toContain('本页尚未发现企业');
  });
});
