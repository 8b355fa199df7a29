import { CHANNEL_LABELS, LIST_LABELS, RECORD_CATEGORY_LABELS, SCALE_EXPLANATIONS } from '@xinjian/sdk/labels';
import { evaluateProcurement } from '@xinjian/sdk/rules';
import { describe, expect, it } from 'vitest';
import { ratingSummary } from '../../../mock-server/src/catalog.ts';
import { enterpriseByTag } from '../../../seeds/index.ts';
import {
  badgeText,
  channelLabel,
  formatDateTime,
  formatZoned,
  gradeLabel,
  headlineGradeText,
  isoOffset,
  listLabel,
  recordCategoryLabel,
  scaleExplanation,
  stateIcon,
  stateLabel,
  truncate,
  zonedIso,
} from './format.ts';
import type { DisplayState, SubjectResult } from './model.ts';

const NOW = new Date('2026-11-25T02:00:00Z');
const done = (tag: string): SubjectResult => {
  const summary = ratingSummary(enterpriseByTag(tag), NOW);
  return {
    state: 'done',
    summary,
    screening: evaluateProcurement(summary, { asOf: '2026-11-25', cutoff: '2026-11-20' }),
    match: null,
    checkedAt: NOW.toISOString(),
  };
};

describe('grades', () => {
  it('heads with the issuer rating, then the newest tax grade', () => {
    const clean = done('edge:clean');
    const major = done('edge:major-tax');
    expect(clean.state === 'done' && headlineGradeText(clean.summary)).toBe('AAA 主体评级');
    expect(major.state === 'done' && headlineGradeText(major.summary)).toBe('纳税 D');
    expect(clean.state === 'done' && headlineGradeText(clean.summary, 'en')).toBe('AAA issuer rating');
  });

  it('names customs categories in words', () => {
    const issuer = { name: { zh: '海关总署', en: 'GACC' }, kind: 'authority' as const, filingNo: null };
    expect(
      gradeLabel({
        scale: 'customs_282',
        value: 'advanced_certified',
        issuer,
        ratedAt: '2026-04-01',
        validUntil: null,
      }),
    ).toBe('海关 高级认证企业');
  });
});

describe('badge text', () => {
  it('shows every state with its own icon and word', () => {
    const states: DisplayState[] = [
      'idle',
      'checking',
      'pass',
      'review',
      'fail',
      'not_found',
      'unavailable',
      'invalid',
      'ambiguous',
    ];
    expect(new Set(states.map(stateIcon)).size).toBe(states.length);
    expect(stateLabel('checking', { state: 'checking', attempt: 2 })).toBe('检查中（第 2 次重试）');
    expect(
      stateLabel('invalid', { state: 'invalid', expectedCheckChar: 'L', message: { zh: '', en: '' } }),
    ).toBe('校验位不符：应为 L');
    expect(
      stateLabel('invalid', { state: 'invalid', expectedCheckChar: 'L', message: { zh: '', en: '' } }, 'en'),
    ).toBe('Check character wrong: expected L');
  });

  it('says which channel made a screening incomplete', () => {
    const r = done('edge:source-unavailable');
    expect(badgeText(r, 'unavailable')).toEqual({
      grade: expect.any(String),
      verdict: '暂不可用：以下渠道无法读取：中国政府采购网',
    });
  });

  it('keeps the service error as the reason', () => {
    const r: SubjectResult = {
      state: 'unavailable',
      reason: { zh: '请求过于频繁，请稍后再试。', en: 'Too many requests; try again later.' },
      error: null,
      retryAt: null,
    };
    expect(badgeText(r, 'unavailable', 'en').verdict).toBe('Unavailable: Too many requests; try again later');
  });
});

describe('helpers', () => {
  it('truncates by code point and formats instants in China time', () => {
    expect(truncate('北京示例科技有限公司', 6)).toBe('北京示例科…');
    expect(truncate('𠀀𠀁𠀂', 3)).toBe('𠀀𠀁𠀂');
    // Every bidi, isolate, zero-width and invisible control goes, not only U+202A–E and U+2066–9.
    expect(truncate('甲\u202e乙\u2067丙\u200b丁\u200e戊\u061c己\ufeff庚\u2069', 20)).toBe('甲乙丙丁戊己庚');
    expect(formatDateTime('2026-11-01T01:30:00Z')).toBe('2026-11-01 09:30');
    expect(formatDateTime(null)).toBe('—');
  });
});

describe('times with their zone', () => {
  it('writes an instant in a zone with its offset, and prints it so', () => {
    expect(zonedIso('2026-11-25T02:00:00.000Z', 480)).toBe('2026-11-25T10:00:00.000+08:00');
    expect(zonedIso('2026-11-25T02:00:00.000Z', -330)).toBe('2026-11-24T20:30:00.000-05:30');
    expect(Date.parse(zonedIso('2026-11-25T02:00:00.000Z'))).toBe(Date.parse('2026-11-25T02:00:00.000Z'));
    expect(isoOffset('2026-11-25T10:00:00+08:00')).toBe(480);
    expect(isoOffset('2026-11-25T02:00:00Z')).toBe(0);
    expect(isoOffset('2026-11-25')).toBeNull();
    expect(formatZoned('2026-11-25T10:00:00.000+08:00')).toBe('2026-11-25 10:00:00 UTC+08:00');
    expect(formatZoned('2026-11-25T02:00:00Z', 480)).toBe('2026-11-25 10:00:00 UTC+08:00');
    expect(formatZoned(null)).toBe('—');
  });
});

describe('labels', () => {
  it('are the SDK’s words, in both languages', () => {
    expect(channelLabel('pbccrc', 'zh-CN')).toBe('人民银行征信中心');
    expect(channelLabel('pbccrc', 'zh-CN')).toBe(CHANNEL_LABELS.pbccrc.zh);
    expect(channelLabel('gsxt', 'en')).toBe(CHANNEL_LABELS.gsxt.en);
    expect(listLabel('gp_serious_violation', 'zh-CN')).toBe(LIST_LABELS.gp_serious_violation.zh);
    expect(recordCategoryLabel('land_resources', 'zh-CN')).toBe(RECORD_CATEGORY_LABELS.land_resources.zh);
    expect(recordCategoryLabel('no_such_category', 'en')).toBe('Other record');
    expect(scaleExplanation('sme_credit', 'zh-CN')).toBe(SCALE_EXPLANATIONS.sme_credit.zh);
  });
});
