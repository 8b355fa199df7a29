import { getRulePack } from '@xinjian/sdk/rules';
import { beforeEach, describe, expect, it } from 'vitest';
import { individualsByTag } from '../../../seeds/index.ts';
import { setLanguage } from '../../core/i18n.ts';
import { containsIdNumber, maskedId, maskedName, redactDeep, redactIds } from '../../core/personal.ts';
import {
  borrowerLine,
  cardFindings,
  displayId,
  factLines,
  householdLabel,
  loanBadgeLabel,
  loanStateLabel,
  packLine,
  packSource,
} from './format.ts';
import { rulePackRef } from './review.ts';

const [applicant, coBorrower] = individualsByTag('household:hh-2');
const RAW = applicant?.idNumber ?? '';
const RAW2 = coBorrower?.idNumber ?? '';

beforeEach(() => setLanguage('zh-CN'));

describe('masking', () => {
  it('keeps the first 3 and last 4 characters of an ID number and hides the birth date', () => {
    expect(RAW).toBe('330110199209219966');
    expect(maskedId(RAW)).toBe('330***********9966');
    expect(maskedId(' 11010519491231002x ')).toBe('110***********002X');
    expect(maskedId(RAW)).not.toContain('19920921');
  });

  it('masks a name down to its first character', () => {
    expect(maskedName('冯婷悦')).toBe('冯**');
    expect(maskedName('  ')).toBeNull();
    // A control character from the page is not the one character shown.
    expect(maskedName('\u202e冯婷悦')).toBe('冯**');
    expect(maskedName(null)).toBeNull();
  });

  it('redacts every ID-shaped token in text, valid or not, and leaves other codes alone', () => {
    expect(redactIds(`申请人 ${RAW}，配偶 ${RAW2}`)).toBe(
      '申请人 330***********9966，配偶 340***********1694',
    );
    // A wrong check digit is still someone's number.
    expect(redactIds('330110199209219960')).toBe('330***********9960');
    expect(redactIds('91110000600037341L 60003734-1')).toBe('91110000600037341L 60003734-1');
    // Right after a letter it is still an ID number (`id330…`, `sfz330…`).
    expect(redactIds(`x${RAW}y`)).toBe('x330***********9966y');
  });

  it('redacts deep values, keys included', () => {
    expect(redactDeep({ [RAW]: [`id ${RAW2}`, 3, null] })).toEqual({
      '330***********9966': ['id 340***********1694', 3, null],
    });
  });

  it('finds an ID number inside free text', () => {
    expect(containsIdNumber(`授权书 ${RAW}`)).toBe(true);
    expect(containsIdNumber('SQ-2026-0001')).toBe(false);
  });
});

describe('UI helpers never print a full number', () => {
  const ref = { key: 'borrower:1', role: 'applicant' as const, idMasked: RAW, nameMasked: '冯**' };

  it('masks an unmasked number that reaches them', () => {
    expect(displayId(RAW)).toBe('330***********9966');
    expect(displayId('330***********9966')).toBe('330***********9966');
    expect(borrowerLine(ref)).toBe('申请人 冯** 330***********9966');
    expect(loanBadgeLabel(ref, { state: 'consent' })).toBe('申请人 冯** 330***********9966：需授权确认');
  });

  it('masks numbers inside finding messages', () => {
    const lines = cardFindings([
      {
        code: 'x',
        severity: 'bar',
        message: { zh: `共同借款人 ${RAW2} 逾期`, en: `co-borrower ${RAW2} overdue` },
        citations: [],
        record: null,
        source: null,
        subjectId: 'applicant',
        months: ['2025-12', '2026-01', '2026-02'],
      },
      {
        code: 'deposit.ok',
        severity: 'info',
        message: { zh: 'ok', en: 'ok' },
        citations: [],
        record: null,
        source: null,
        subjectId: 'applicant',
      },
    ]);
    expect(lines).toEqual([
      {
        key: 'x--0',
        severity: 'bar',
        text: '共同借款人 340***********1694 逾期',
        months: '涉及月份：2025-12、2026-01、2026-02',
      },
    ]);
  });
});

describe('words and lines', () => {
  it('names every state in both languages', () => {
    expect(
      ['eligible', 'ineligible', 'review', 'incomplete', 'consent'].map((s) =>
        loanStateLabel(s as 'eligible'),
      ),
    ).toEqual(['符合条件', '不符合', '需复核', '信息不全', '需授权确认']);
    expect(loanStateLabel('ineligible', 'en')).toBe('Ineligible');
    expect(householdLabel({ state: 'pending', waiting: 2 })).toBe('待完成：尚有 2 人未查询');
  });

  it('prints a pack with its city, version, effective date, source and confidence', () => {
    const hangzhou = rulePackRef(getRulePack('hangzhou') as NonNullable<ReturnType<typeof getRulePack>>);
    expect(packLine(hangzhou)).toBe('杭州住房公积金贷款个人信用审核 · 杭州 · 版本 2026.1 · 施行 未注明');
    expect(packSource(hangzhou)).toBe('来源：杭州住房公积金贷款信用审核规定（名称，非文号）（二手来源）');
    const changchun = rulePackRef(
      getRulePack('changchun-2022') as NonNullable<ReturnType<typeof getRulePack>>,
    );
    expect(packLine(changchun, 'en')).toContain('from 2022-01-01');
    const generic = rulePackRef(
      getRulePack('generic-lian3lei6') as NonNullable<ReturnType<typeof getRulePack>>,
    );
    expect(packLine(generic)).toContain('通用模板');
  });

  it('lists the facts', () => {
    const lines = factLines({
      currentOverduePeriods: 2,
      currentOverdueAmountYuan: 3500,
      fiveCategory: 'substandard',
      cardStatuses: ['normal', 'frozen'],
      dishonestInForce: 1,
      deposit: { months: 7, from: '2026-04', to: '2026-10', status: 'normal' },
    });
    expect(lines.map((l) => `${l.label}：${l.value}`)).toEqual([
      '当前逾期：2 期，3,500 元',
      '五级分类（最差）：次级',
      '信用卡状态：正常、冻结',
      '失信被执行人：列入 1 条',
      '公积金连续缴存：7 个月（2026-04..2026-10）',
    ]);
  });
});
