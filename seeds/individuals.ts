/**
 * Builds one synthetic individual: a valid 18-digit ID number, a name, and the report content
 * a housing-fund loan review reads (credit accounts with repayment grids, court records,
 * housing-fund deposits).
 */

import {
  type CourtEnforcementRecord,
  type CreditAccount,
  computeIdCardCheckChar,
  type DishonestDebtorRecord,
  type FiveCategory,
  type HousingFundAccount,
  listingPeriodEnd,
  maskIdCard,
  maskName,
  type RepaymentStatus,
  type SourceChannel,
  type SourceRef,
  type SourceStatus,
} from '@xinjian/sdk';
import type { z } from 'zod';
import { addDays, addMonths, atChinaTime, monthOf, monthsEndingAt } from './dates.ts';
import { groupThousands } from './format.ts';
import { personName } from './names.ts';
import { BIRTHPLACES, type City, cityById, districtCourt } from './places.ts';
import { createRng, deriveSeed, type Rng } from './prng.ts';
import type { IndividualSeed } from './schema.ts';

/** Shared state of one generator run. */
export interface IndividualContext {
  seed: number;
  asOf: string;
  usedIds: Set<string>;
}

/** One credit account; `overdue` keys are months before the latest reported month (0 = latest). */
export interface AccountSpec {
  type: CreditAccount['type'];
  /** Length of the repayment grid; default 24. */
  months?: number;
  overdue?: Readonly<Record<number, RepaymentStatus>>;
  fiveCategory?: FiveCategory;
  cardStatus?: NonNullable<CreditAccount['cardStatus']>;
  /** Overdue months (same offsets as `overdue`) excused as an annual card fee. */
  annualFeeMonths?: readonly number[];
}

/** What to generate for one person. */
export interface IndividualSpec {
  cityId: string;
  tags?: readonly string[];
  note?: string | null;
  sex?: 'male' | 'female';
  /** Default: a clean credit card and, sometimes, a car loan. */
  accounts?: readonly AccountSpec[];
  /** Months of consecutive full deposits up to the latest month; null for no account. Default 24. */
  depositMonths?: number | null;
  courtExecuting?: boolean;
  dishonestActive?: boolean;
  /** Background people get a little noise: idle card months, the odd late payment. */
  background?: boolean;
}

const BANKS = [
  '中国工商银行股份有限公司',
  '中国建设银行股份有限公司',
  '中国农业银行股份有限公司',
  '中国银行股份有限公司',
  '交通银行股份有限公司',
  '招商银行股份有限公司',
  '兴业银行股份有限公司',
];

function randomDate(rng: Rng, from: string, to: string): string {
  const span = Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
  return addDays(from, rng.int(0, span));
}

function makeIdNumber(rng: Rng, ctx: IndividualContext, city: City, sex: 'male' | 'female'): string {
  for (;;) {
    const region = rng.chance(0.6) ? rng.pick(city.districts).code : rng.pick(BIRTHPLACES).code;
    const birth = randomDate(rng, '1962-01-01', '1998-12-31').replaceAll('-', '');
    // 顺序码: odd for men, even for women.
    const seq = `${rng.int(0, 99)}`.padStart(2, '0') + String(rng.int(0, 4) * 2 + (sex === 'male' ? 1 : 0));
    const first17 = `${region}${birth}${seq}`;
    const id = first17 + computeIdCardCheckChar(first17);
    if (ctx.usedIds.has(id)) continue;
    ctx.usedIds.add(id);
    return id;
  }
}

/**
 * Generates one individual from its own PRNG stream (seeded by the run seed and `id`).
 *
 * @example
 * ```ts
 * const ctx = { seed: 1, asOf: '2026-11-01', usedIds: new Set<string>() };
 * buildIndividual(ctx, 'ind-001', { cityId: 'hangzhou', tags: ['edge:hf-clean'] }).idNumber; // 18 characters, valid
 * ```
 */
export function buildIndividual(ctx: IndividualContext, id: string, spec: IndividualSpec): IndividualSeed {
  const rng = createRng(deriveSeed(ctx.seed, 'individual', id));
  const city = cityById(spec.cityId);
  const sex = spec.sex ?? (rng.chance(0.5) ? 'male' : 'female');
  const idNumber = makeIdNumber(rng, ctx, city, sex);
  const name = personName(rng, sex);
  const latest = monthOf(ctx.asOf, -1);
  const fetched = new Map<SourceChannel, string>();
  const ref = (channel: SourceChannel, url: string): SourceRef => {
    let at = fetched.get(channel);
    if (at === undefined) {
      at = atChinaTime(addDays(ctx.asOf, -rng.int(1, 5)), rng.int(9, 17), rng.int(0, 59), rng.int(0, 59));
      fetched.set(channel, at);
    }
    return { channel, url, fetchedAt: at };
  };

  const specs: readonly AccountSpec[] =
    spec.accounts ??
    (rng.chance(0.45) ? [{ type: 'credit_card' }, { type: 'car_loan' }] : [{ type: 'credit_card' }]);
  const creditAccounts: CreditAccount[] = specs.map((a, i) => {
    const months = monthsEndingAt(latest, a.months ?? 24);
    const first = months[0] ?? latest;
    const isCard = a.type === 'credit_card';
    const repayment = months.map((month, k) => {
      const offset = months.length - 1 - k;
      let status: RepaymentStatus = a.overdue?.[offset] ?? 'N';
      if (spec.background === true && status === 'N' && isCard && rng.chance(0.08)) status = '*';
      return { month, status };
    });
    if (spec.background === true && rng.chance(0.1)) {
      const k = rng.int(0, repayment.length - 1);
      const entry = repayment[k];
      if (entry !== undefined) entry.status = '1';
    }
    const bank = rng.pick(BANKS);
    return {
      id: `${id}-a${i + 1}`,
      type: a.type,
      institution: isCard ? `${bank.replace('股份有限公司', '')}信用卡中心` : `${bank}${city.short}分行`,
      openedAt: addMonths(`${first}-${String(rng.int(1, 28)).padStart(2, '0')}`, -rng.int(1, 36)),
      closedAt: null,
      fiveCategory: isCard ? null : (a.fiveCategory ?? 'normal'),
      cardStatus: isCard ? (a.cardStatus ?? 'normal') : null,
      currentOverdueAmountYuan: 0,
      currentOverduePeriods: 0,
      repayment,
      exemptions: (a.annualFeeMonths ?? []).map((offset) => ({
        month: monthOf(`${latest}-01`, -offset),
        reason: 'annual_fee' as const,
      })),
      source: ref('pbccrc', 'https://ipcrs.pbccrc.org.cn/'),
    };
  });

  const district = rng.pick(city.districts);
  const court = districtCourt(city, district);
  const courtEnforcements: z.infer<typeof CourtEnforcementRecord>[] = [];
  const dishonestListings: z.infer<typeof DishonestDebtorRecord>[] = [];
  if (spec.courtExecuting === true || spec.dishonestActive === true) {
    const filedAt = randomDate(rng, '2025-03-01', '2025-12-31');
    const caseNo = `（${filedAt.slice(0, 4)}）${court.code}执${rng.int(100, 9999)}号`;
    const amount = rng.int(30, 600) * 1000;
    if (spec.courtExecuting === true) {
      courtEnforcements.push({
        id: `${id}-c1`,
        source: ref('zxgk', 'https://zxgk.court.gov.cn/zhzxgk/'),
        category: 'court_enforcement',
        court: court.name,
        caseNo,
        filedAt,
        status: 'executing',
        amountYuan: amount,
      });
    }
    if (spec.dishonestActive === true) {
      const listedAt = addDays(filedAt, rng.int(90, 200));
      dishonestListings.push({
        id: `${id}-d1`,
        source: ref('zxgk', 'https://zxgk.court.gov.cn/shixin/'),
        category: 'dishonest_judgment_debtor',
        court: court.name,
        caseNo,
        listedAt,
        expiresAt: listingPeriodEnd(listedAt, 2),
        removedAt: null,
        obligation: `偿还借款本金及利息共计人民币 ${groupThousands(amount)} 元`,
      });
    }
  }

  const depositMonths = spec.depositMonths === undefined ? 24 : spec.depositMonths;
  let housingFund: HousingFundAccount | null = null;
  if (depositMonths !== null) {
    const months = monthsEndingAt(latest, depositMonths);
    const first = months[0] ?? latest;
    // A short history means the account is new; a full one means it was opened years ago.
    const openedAt =
      depositMonths < 24
        ? `${first}-${String(rng.int(1, 10)).padStart(2, '0')}`
        : addMonths(`${first}-15`, -rng.int(6, 96));
    let amount = rng.int(6, 35) * 100;
    housingFund = {
      center: { zh: city.housingFund.zh, en: city.housingFund.en },
      city: city.name,
      openedAt,
      status: 'normal',
      deposits: months.map((month) => {
        // Deposit bases are adjusted every July.
        if (month.endsWith('-07')) amount += rng.int(0, 3) * 100;
        return { month, amountYuan: amount, paid: true };
      }),
      source: ref('housing_fund_center', city.housingFund.url),
    };
  }

  const sources: SourceStatus[] = [];
  for (const channel of ['zxgk', 'pbccrc', 'housing_fund_center'] as const) {
    if (channel === 'housing_fund_center' && housingFund === null) continue;
    if (!fetched.has(channel)) ref(channel, '');
    sources.push({ channel, status: 'ok', fetchedAt: fetched.get(channel) ?? null });
  }

  const birthYear = Number(idNumber.slice(6, 10));
  return {
    idNumber,
    name,
    content: {
      subjectType: 'individual',
      subject: { nameMasked: maskName(name), idNumberMasked: maskIdCard(idNumber), birthYear, sex },
      creditAccounts,
      courtEnforcements,
      dishonestListings,
      housingFund,
      sources,
    },
    tags: [...(spec.tags ?? [])],
    note: spec.note ?? null,
  };
}
