/**
 * Credit records, one schema per category. Every record names the channel it came from and
 * when it was fetched there, so a verdict can cite its evidence.
 */
import { z } from 'zod';
import { IsoDate, IsoMonth, LocalizedText, SourceRef, TaxCreditGrade, Yuan } from './schemas.ts';

const base = { id: z.string(), source: SourceRef };

/**
 * 行政许可
 *
 * @example
 * ```ts
 * const licence = LicenseRecord.parse(record);
 * console.log(licence.title, licence.validUntil); // '食品生产许可证' '2026-07-28'
 * ```
 */
export const LicenseRecord = z.object({
  ...base,
  category: z.literal('administrative_license'),
  title: z.string(),
  authority: z.string(),
  documentNo: z.string(),
  date: IsoDate,
  validUntil: IsoDate.nullable(),
});

/**
 * Kinds of administrative penalty (行政处罚法 第九条), plus criminal punishment.
 *
 * @example
 * ```ts
 * PenaltyKind.options.includes('license_revocation'); // true
 * ```
 */
export const PenaltyKind = z
  .enum([
    'warning',
    'fine',
    'confiscation',
    'suspension',
    'license_revocation',
    'business_restriction',
    'detention',
    'criminal',
  ])
  .meta({ id: 'PenaltyKind' });
export type PenaltyKind = z.infer<typeof PenaltyKind>;

/**
 * 行政处罚 (and criminal punishment), with the fine amount where there was one.
 *
 * @example
 * ```ts
 * const penalty = PenaltyRecord.parse(record);
 * if (penalty.kinds.includes('fine') && (penalty.amountYuan ?? 0) >= 2_000_000) console.log('较大数额罚款');
 * ```
 */
export const PenaltyRecord = z.object({
  ...base,
  category: z.literal('administrative_penalty'),
  authority: z.string(),
  documentNo: z.string(),
  decidedAt: IsoDate,
  kinds: z.array(PenaltyKind).min(1),
  amountYuan: Yuan.nullable(),
  reason: z.string(),
  /** Sector of the law applied, for sector-specific 较大数额罚款 thresholds. */
  sector: z.string().nullable(),
});

/**
 * 失信被执行人 (最高人民法院关于公布失信被执行人名单信息的若干规定).
 *
 * @example
 * ```ts
 * const stillListed = DishonestDebtorRecord.parse(record).removedAt === null;
 * ```
 */
export const DishonestDebtorRecord = z.object({
  ...base,
  category: z.literal('dishonest_judgment_debtor'),
  court: z.string(),
  caseNo: z.string(),
  listedAt: IsoDate,
  /** End of the listing period; null for an open-ended listing. */
  expiresAt: IsoDate.nullable(),
  /** Set when the court removed the listing (obligation performed, or period ended). */
  removedAt: IsoDate.nullable(),
  obligation: z.string(),
});

/**
 * 重大税收违法失信主体 (国家税务总局令第54号; formerly 重大税收违法案件当事人).
 *
 * @example
 * ```ts
 * console.log(MajorTaxViolationRecord.parse(record).caseNature);
 * ```
 */
export const MajorTaxViolationRecord = z.object({
  ...base,
  category: z.literal('major_tax_violation'),
  authority: z.string(),
  listedAt: IsoDate,
  removedAt: IsoDate.nullable(),
  caseNature: z.string(),
});

/**
 * 政府采购严重违法失信行为记录 (ccgp.gov.cn/cr/list): a ban for a fixed period.
 *
 * @example
 * ```ts
 * const ban = GpSeriousViolationRecord.parse(record);
 * const banned = ban.banFrom <= '2026-11-01' && '2026-11-01' <= ban.banUntil;
 * ```
 */
export const GpSeriousViolationRecord = z.object({
  ...base,
  category: z.literal('gp_serious_violation'),
  authority: z.string(),
  decisionNo: z.string(),
  banFrom: IsoDate,
  banUntil: IsoDate,
  reason: z.string(),
});

/**
 * 经营异常名录
 *
 * @example
 * ```ts
 * AbnormalOperationRecord.parse(record).removedAt; // null while still listed
 * ```
 */
export const AbnormalOperationRecord = z.object({
  ...base,
  category: z.literal('abnormal_operation'),
  authority: z.string(),
  listedAt: IsoDate,
  removedAt: IsoDate.nullable(),
  reason: z.string(),
});

/**
 * 严重违法失信名单 (市场监管)
 *
 * @example
 * ```ts
 * const { authority, listedAt, reason } = SeriousIllegalRecord.parse(record);
 * ```
 */
export const SeriousIllegalRecord = z.object({
  ...base,
  category: z.literal('serious_illegal_dishonest'),
  authority: z.string(),
  listedAt: IsoDate,
  removedAt: IsoDate.nullable(),
  reason: z.string(),
});

/**
 * 纳税信用等级 for one evaluation year.
 *
 * @example
 * ```ts
 * const { year, grade } = TaxCreditRecord.parse(record); // 2025, 'B'
 * ```
 */
export const TaxCreditRecord = z.object({
  ...base,
  category: z.literal('tax_credit'),
  year: z.number().int(),
  grade: TaxCreditGrade,
});

/**
 * 合同履约
 *
 * @example
 * ```ts
 * ContractRecord.parse(record).result; // 'performed' or 'breached'
 * ```
 */
export const ContractRecord = z.object({
  ...base,
  category: z.literal('contract_performance'),
  counterparty: z.string(),
  result: z.enum(['performed', 'breached']),
  date: IsoDate,
  description: z.string(),
});

/**
 * 产品质量: a 监督抽查 result (产品质量法 第十五条), or a 重大质量问题 (a quality incident a
 * regulator recorded). `result` is `fail` for 抽检不合格 and for every 重大质量问题.
 *
 * @example
 * ```ts
 * const r = ProductQualityRecord.parse(record);
 * const failed = r.result === 'fail'; // 抽检不合格, or kind 'major_quality_issue'
 * ```
 */
export const ProductQualityRecord = z.object({
  ...base,
  category: z.literal('product_quality'),
  kind: z.enum(['spot_check', 'major_quality_issue']),
  authority: z.string(),
  product: z.string(),
  result: z.enum(['pass', 'fail']),
  date: IsoDate,
});

/**
 * 工程建设 (建市〔2017〕241号): 良好行为 (an award), 不良行为, or the 建筑市场主体"黑名单".
 * `until` is the last day of a blacklist period where the source gives one.
 *
 * @example
 * ```ts
 * const blacklisted = ConstructionRecord.parse(record).kind === 'blacklist';
 * ```
 */
export const ConstructionRecord = z.object({
  ...base,
  category: z.literal('construction'),
  kind: z.enum(['good', 'bad', 'blacklist']),
  authority: z.string(),
  date: IsoDate,
  until: IsoDate.nullable(),
  description: z.string(),
});

/**
 * Grades of 企业环境信用评价 (环发〔2013〕150号 four grades; provinces rename them):
 * 环保诚信, 环保良好, 环保警示, 环保不良.
 *
 * @example
 * ```ts
 * EnvironmentalGrade.options; // ['trustworthy', 'good', 'warning', 'bad']
 * ```
 */
export const EnvironmentalGrade = z
  .enum(['trustworthy', 'good', 'warning', 'bad'])
  .meta({ id: 'EnvironmentalGrade' });
export type EnvironmentalGrade = z.infer<typeof EnvironmentalGrade>;

/**
 * 环保: a violation, a 环保信用评价 grade, or a 环保 red list (守信) / black list (失信) entry.
 *
 * @example
 * ```ts
 * const r = EnvironmentalRecord.parse(record);
 * if (r.kind === 'rating') console.log(r.grade); // 'trustworthy'
 * ```
 */
export const EnvironmentalRecord = z.object({
  ...base,
  category: z.literal('environmental'),
  kind: z.enum(['violation', 'rating', 'red_list', 'black_list']),
  /** The 环保信用评价 grade; null unless `kind` is `rating`. */
  grade: EnvironmentalGrade.nullable(),
  authority: z.string(),
  date: IsoDate,
  until: IsoDate.nullable(),
  description: z.string(),
});

/**
 * 安全生产: an accident, a violation, a commendation, or a 安全生产失信 list entry
 * (安全生产严重失信主体名单).
 *
 * @example
 * ```ts
 * const listed = WorkSafetyRecord.parse(record).kind === 'dishonest_list';
 * ```
 */
export const WorkSafetyRecord = z.object({
  ...base,
  category: z.literal('work_safety'),
  kind: z.enum(['accident', 'violation', 'commendation', 'dishonest_list']),
  authority: z.string(),
  date: IsoDate,
  until: IsoDate.nullable(),
  description: z.string(),
});

/**
 * 国土资源: 闲置土地 (闲置土地处置办法) or 违法用地 (土地管理法).
 *
 * @example
 * ```ts
 * LandRecord.parse(record).kind; // 'idle_land' or 'illegal_land_use'
 * ```
 */
export const LandRecord = z.object({
  ...base,
  category: z.literal('land_resources'),
  kind: z.enum(['idle_land', 'illegal_land_use']),
  authority: z.string(),
  date: IsoDate,
  /** 地块 or 项目 as the record names it. */
  parcel: z.string(),
  description: z.string(),
});

/**
 * 食品安全: a violation, or the 严重违法生产经营者黑名单 with the last day of its period.
 *
 * @example
 * ```ts
 * const r = FoodSafetyRecord.parse(record);
 * const blacklisted = r.kind === 'serious_violation_blacklist';
 * ```
 */
export const FoodSafetyRecord = z.object({
  ...base,
  category: z.literal('food_safety'),
  kind: z.enum(['violation', 'serious_violation_blacklist']),
  authority: z.string(),
  date: IsoDate,
  until: IsoDate.nullable(),
  description: z.string(),
});

/**
 * 法院强制执行 (被执行人 cases, listed or not).
 *
 * @example
 * ```ts
 * const open = CourtEnforcementRecord.parse(record).status === 'executing';
 * ```
 */
export const CourtEnforcementRecord = z.object({
  ...base,
  category: z.literal('court_enforcement'),
  court: z.string(),
  caseNo: z.string(),
  filedAt: IsoDate,
  status: z.enum(['executing', 'closed']),
  amountYuan: Yuan.nullable(),
});

/**
 * Any enterprise or public credit record.
 *
 * @example
 * ```ts
 * for (const r of content.records) {
 *   if (r.category === 'administrative_penalty') console.log(r.documentNo, r.amountYuan);
 * }
 * ```
 */
export const CreditRecord = z
  .discriminatedUnion('category', [
    LicenseRecord,
    PenaltyRecord,
    DishonestDebtorRecord,
    MajorTaxViolationRecord,
    GpSeriousViolationRecord,
    AbnormalOperationRecord,
    SeriousIllegalRecord,
    TaxCreditRecord,
    ContractRecord,
    ProductQualityRecord,
    ConstructionRecord,
    EnvironmentalRecord,
    WorkSafetyRecord,
    LandRecord,
    FoodSafetyRecord,
    CourtEnforcementRecord,
  ])
  .meta({ id: 'CreditRecord' });
export type CreditRecord = z.infer<typeof CreditRecord>;

/**
 * One month of a credit account's repayment history (人行征信 24-month grid):
 * `N` on time, `1`–`7` periods overdue, `*` nothing due, `C` closed, `#` unknown,
 * `D` repaid by a guarantor, `B` bad debt (呆账).
 *
 * @example
 * ```ts
 * const overdueMonths = account.repayment.filter((m) => /^[1-7]$/.test(m.status)).length;
 * ```
 */
export const RepaymentStatus = z.enum(['N', '*', 'C', '#', '1', '2', '3', '4', '5', '6', '7', 'D', 'B']);
export type RepaymentStatus = z.infer<typeof RepaymentStatus>;

/**
 * 五级分类 of a loan.
 *
 * @example
 * ```ts
 * const impaired = account.fiveCategory !== null && account.fiveCategory !== 'normal';
 * ```
 */
export const FiveCategory = z.enum(['normal', 'special_mention', 'substandard', 'doubtful', 'loss']);
export type FiveCategory = z.infer<typeof FiveCategory>;

/**
 * A loan or card account from an individual's 人行征信 report.
 *
 * @example
 * ```ts
 * const cards = content.creditAccounts.filter((a) => a.type === 'credit_card');
 * ```
 */
export const CreditAccount = z
  .object({
    id: z.string(),
    type: z.enum([
      'mortgage',
      'housing_fund_loan',
      'consumer_loan',
      'business_loan',
      'car_loan',
      'student_loan',
      'credit_card',
    ]),
    institution: z.string(),
    openedAt: IsoDate,
    closedAt: IsoDate.nullable(),
    fiveCategory: FiveCategory.nullable(),
    /** Card status; null for loans. 止付/冻结/呆账 map to stopped/frozen/bad_debt. */
    cardStatus: z.enum(['normal', 'frozen', 'stopped', 'bad_debt', 'closed']).nullable(),
    currentOverdueAmountYuan: Yuan,
    currentOverduePeriods: z.number().int().nonnegative(),
    /** Oldest first; one entry per month the account was reported. */
    repayment: z.array(z.object({ month: IsoMonth, status: RepaymentStatus })),
    /** Why an overdue month is excused (annual card fee, proven bank fault), when it is. */
    exemptions: z.array(
      z.object({ month: IsoMonth, reason: z.enum(['annual_fee', 'bank_fault', 'student_loan']) }),
    ),
    source: SourceRef,
  })
  .meta({ id: 'CreditAccount' });
export type CreditAccount = z.infer<typeof CreditAccount>;

/**
 * A housing-fund account with its monthly deposits (缴存).
 *
 * @example
 * ```ts
 * const unpaidMonths = content.housingFund?.deposits.filter((d) => !d.paid).length ?? 0;
 * ```
 */
export const HousingFundAccount = z
  .object({
    center: LocalizedText,
    city: z.string(),
    openedAt: IsoDate,
    status: z.enum(['normal', 'sealed', 'closed']),
    /** Oldest first. `paid` is a full (足额) deposit for that month. */
    deposits: z.array(z.object({ month: IsoMonth, amountYuan: Yuan, paid: z.boolean() })),
    source: SourceRef,
  })
  .meta({ id: 'HousingFundAccount' });
export type HousingFundAccount = z.infer<typeof HousingFundAccount>;
