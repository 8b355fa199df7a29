/**
 * The deterministic seed generator. `node seeds/generate.ts` rewrites the committed default set
 * (seeds/data/seed.json), the demo pages and the sample bidder lists; `--size <n>` writes a
 * larger, lighter set for benchmarks instead.
 */
import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCatalog, buildKeys } from './catalog.ts';
import { addDays, addMonths, addYears } from './dates.ts';
import {
  addAbnormal,
  addDishonest,
  addGpBan,
  addMajorTax,
  addPboc,
  addPenalty,
  addRecord,
  buildEnterprise,
  type EnterpriseContext,
  type EnterpriseSpec,
} from './enterprises.ts';
import { renderStaticPages } from './html.ts';
import { buildIndividual, type IndividualContext, type IndividualSpec } from './individuals.ts';
import { CITIES } from './places.ts';
import { renderSamples } from './samples.ts';
import {
  type Consortium,
  DEMO_API_KEY,
  DEMO_CUTOFF,
  EnterpriseSeed,
  SEED_AS_OF,
  SeedData,
} from './schema.ts';

/**
 * The PRNG seed of the committed data set.
 *
 * @example
 * ```ts
 * generateSeeds({ size: 'default', seed: DEFAULT_PRNG_SEED }); // the committed data
 * ```
 */
export const DEFAULT_PRNG_SEED = 20_101_105;
/**
 * Enterprises in the default set.
 *
 * @example
 * ```ts
 * generateSeeds({ size: 'default' }).enterprises.length; // 300
 * ```
 */
export const DEFAULT_ENTERPRISE_COUNT = 300;
/**
 * Individuals in every set.
 *
 * @example
 * ```ts
 * generateSeeds({ size: 'default' }).individuals.length; // 60
 * ```
 */
export const INDIVIDUAL_COUNT = 60;

/**
 * Options of {@link generateSeeds}.
 *
 * @example
 * ```ts
 * const options: GenerateOptions = { size: 100_000 };
 * ```
 */
export interface GenerateOptions {
  /** `'default'`: the committed set; a number: that many enterprises, lighter per enterprise. */
  size: 'default' | number;
  /** PRNG seed; default {@link DEFAULT_PRNG_SEED}. */
  seed?: number;
}

const FINE_REASON = '生产、销售不符合保障人体健康和人身、财产安全的国家标准、行业标准的产品';
const SUSPENSION_REASON = '发生一般生产安全事故，未落实安全生产主体责任，责令停产停业整顿';

/** Tag, subject spec, in output order: the edge cases come first so their ids are stable. */
function fixedEnterprises(cutoff: string): (readonly [string, EnterpriseSpec])[] {
  const threeYearsBefore = addYears(cutoff, -3);
  const specs: EnterpriseSpec[] = [
    {
      profile: 'clean',
      cityId: 'beijing',
      industry: '信息技术',
      legacy: true,
      tags: ['edge:clean'],
      tax: { 2023: 'A', 2024: 'A', 2025: 'A' },
      pboc: 'AAA',
      note: '无任何不良记录，PBOC 长期等级 AAA，近三年纳税信用 A 级 → 通过。 — Spotless: AAA, tax A three years running; passes every check.',
      add: (d) => {
        d.redLists.push({
          list: 'contract_abiding',
          kind: 'red',
          since: '2025-06-18',
          until: null,
          active: true,
        });
      },
    },
    {
      profile: 'clean',
      cityId: 'hangzhou',
      industry: '电子',
      tags: ['edge:fine-2000000'],
      note: '近三年内单笔罚款恰为 2,000,000 元，属“较大数额罚款”（财库〔2022〕3号：200万元以上）→ 重大违法记录，政府采购应拒绝。 — One fine of exactly 2,000,000 yuan within three years: a major violation, reject.',
      add: (d) =>
        addPenalty(d, {
          decidedAt: '2025-06-18',
          kinds: ['fine'],
          amountYuan: 2_000_000,
          reason: FINE_REASON,
          sector: 'market_regulation',
        }),
    },
    {
      profile: 'clean',
      cityId: 'hangzhou',
      industry: '医疗器械',
      tags: ['edge:fine-1990000'],
      note: '近三年内单笔罚款 1,990,000 元，低于 200 万元 → 不构成重大违法记录，通过。 — One fine of 1,990,000 yuan: below the threshold, passes.',
      add: (d) =>
        addPenalty(d, {
          decidedAt: '2025-09-03',
          kinds: ['fine'],
          amountYuan: 1_990_000,
          reason: FINE_REASON,
          sector: 'market_regulation',
        }),
    },
    {
      profile: 'clean',
      cityId: 'wuhan',
      industry: '建设工程',
      tags: ['edge:penalty-3y-minus-1d'],
      note: `责令停产停业决定日 ${addDays(threeYearsBefore, 1)}，距截止时点 ${cutoff} 三年减一天，仍在三年内 → 重大违法记录，拒绝。 — Suspension decided three years minus one day before the cut-off: inside the window, reject.`,
      add: (d) =>
        addPenalty(d, {
          decidedAt: addDays(threeYearsBefore, 1),
          kinds: ['suspension'],
          amountYuan: null,
          reason: SUSPENSION_REASON,
          sector: 'emergency_management',
          authority: `${d.city.name}应急管理局`,
        }),
    },
    {
      profile: 'clean',
      cityId: 'wuhan',
      industry: '市政工程',
      tags: ['edge:penalty-3y-plus-1d'],
      note: `责令停产停业决定日 ${addDays(threeYearsBefore, -1)}，距截止时点 ${cutoff} 三年加一天，已超出三年 → 通过。 — Suspension decided three years plus one day before the cut-off: outside the window, passes.`,
      add: (d) =>
        addPenalty(d, {
          decidedAt: addDays(threeYearsBefore, -1),
          kinds: ['suspension'],
          amountYuan: null,
          reason: SUSPENSION_REASON,
          sector: 'emergency_management',
          authority: `${d.city.name}应急管理局`,
        }),
    },
    {
      profile: 'clean',
      cityId: 'changchun',
      industry: '建筑工程',
      tags: ['edge:dishonest-active'],
      note: '失信被执行人，2025-04-16 列入，有效期至 2027-04-16，未移除 → 采购、招投标均拒绝。 — Active dishonest judgment debtor listing: reject.',
      add: (d) =>
        addDishonest(d, {
          listedAt: '2025-04-16',
          expiresAt: '2027-04-16',
          removedAt: null,
          enforcement: 'executing',
        }),
    },
    {
      profile: 'clean',
      cityId: 'tianjin',
      industry: '机械设备',
      tags: ['edge:dishonest-expired'],
      note: '失信被执行人名单已于 2024-08-10 届满（早于截止时点），未见移除记录 → 不构成现行失信，通过。 — Listing expired 2024-08-10, before the cut-off: passes.',
      add: (d) =>
        addDishonest(d, {
          listedAt: '2022-08-10',
          expiresAt: '2024-08-10',
          removedAt: null,
          enforcement: 'closed',
        }),
    },
    {
      profile: 'clean',
      cityId: 'nanjing',
      industry: '装饰工程',
      tags: ['edge:dishonest-removed'],
      note: '失信被执行人已于 2026-02-12 履行完毕并移除 → 通过。 — Listing removed on 2026-02-12 after performance: passes.',
      add: (d) =>
        addDishonest(d, {
          listedAt: '2025-07-01',
          expiresAt: '2027-07-01',
          removedAt: '2026-02-12',
          enforcement: 'closed',
        }),
    },
    {
      profile: 'clean',
      cityId: 'guangzhou',
      industry: '商贸',
      tags: ['edge:major-tax'],
      tax: { 2023: 'B', 2024: 'C', 2025: 'D' },
      note: '列入重大税收违法失信主体（虚开增值税专用发票），2025 年度纳税信用直接判 D → 拒绝。 — On the major tax violation list (direct D grade): reject.',
      add: (d) =>
        addMajorTax(d, { listedAt: '2025-10-28', removedAt: null, caseNature: '虚开增值税专用发票' }),
    },
    {
      profile: 'clean',
      cityId: 'shanghai',
      industry: '软件',
      tags: ['edge:gp-ban-active'],
      note: '政府采购严重违法失信行为记录：禁止参加政府采购活动 2026-05-12 至 2027-05-11，覆盖截止时点 → 拒绝。 — GP ban covering the cut-off: reject.',
      add: (d) =>
        addGpBan(d, { banFrom: '2026-05-12', banUntil: '2027-05-11', reason: '提供虚假材料谋取中标、成交' }),
    },
    {
      profile: 'clean',
      cityId: 'shanghai',
      industry: '数据科技',
      tags: ['edge:gp-ban-ended'],
      note: '近三年内曾被禁止参加政府采购活动（2024-01-15 至 2025-01-14），禁入期已届满（实施条例第十九条：期限届满的，可以参加）→ 通过。 — A GP ban inside the three-year window that ended on 2025-01-14: passes.',
      add: (d) =>
        addGpBan(d, {
          banFrom: '2024-01-15',
          banUntil: '2025-01-14',
          reason: '与采购人、其他供应商恶意串通',
        }),
    },
    {
      profile: 'clean',
      cityId: 'chengdu',
      industry: '智能科技',
      tags: ['edge:source-unavailable'],
      unavailable: { ccgp: '中国政府采购网查询超时（已重试 3 次）' },
      note: '中国政府采购网渠道不可用，其他渠道无不良记录 → 结论应为“不完整”，不得静默通过。 — The ccgp channel was unavailable: the verdict is incomplete, not a pass.',
    },
    {
      profile: 'clean',
      cityId: 'hangzhou',
      industry: '科技',
      tags: ['edge:tax-A'],
      tax: { 2023: 'B', 2024: 'A', 2025: 'A' },
      note: '最近年度（2025）纳税信用 A 级，列入 A 级纳税人名单。 — Tax grade A in 2025 (red list).',
    },
    {
      profile: 'clean',
      cityId: 'wuhan',
      industry: '工程咨询',
      tags: ['edge:tax-B'],
      tax: { 2023: 'A', 2024: 'B', 2025: 'B' },
      note: '最近年度纳税信用 B 级。 — Tax grade B in 2025.',
    },
    {
      profile: 'clean',
      cityId: 'xian',
      industry: '网络科技',
      tags: ['edge:tax-M'],
      establishedAt: '2025-03-18',
      tax: { 2025: 'M' },
      note: '2025 年新设立企业，纳税信用 M 级。 — Founded 2025, tax grade M.',
    },
    {
      profile: 'clean',
      cityId: 'beijing',
      industry: '物业管理',
      tags: ['edge:tax-C'],
      tax: { 2023: 'B', 2024: 'C', 2025: 'C' },
      note: '最近年度纳税信用 C 级（评分 40–70）。 — Tax grade C in 2025.',
    },
    {
      profile: 'clean',
      cityId: 'hohhot',
      industry: '新材料',
      tags: ['edge:tax-D'],
      tax: { 2023: 'C', 2024: 'D', 2025: 'D' },
      note: '最近年度纳税信用 D 级（评分低于 40 分），未列入重大税收违法失信主体。 — Tax grade D by score, not on the major tax list.',
    },
    {
      profile: 'clean',
      cityId: 'shenzhen',
      industry: '电子',
      tags: ['edge:pboc-AAA'],
      pboc: 'AAA',
      note: '借款企业信用等级 AAA（评级机构出具，附备案号）。 — PBOC long-term AAA.',
    },
    {
      profile: 'clean',
      cityId: 'guangzhou',
      industry: '供应链管理',
      tags: ['edge:pboc-AA+'],
      pboc: 'AA+',
      note: '借款企业信用等级 AA+。 — PBOC long-term AA+.',
    },
    {
      profile: 'clean',
      cityId: 'tianjin',
      industry: '建设',
      tags: ['edge:pboc-BBB-'],
      pboc: 'BBB-',
      note: '借款企业信用等级 BBB−（投资级最低一档）。 — PBOC long-term BBB−.',
    },
    {
      profile: 'clean',
      cityId: 'changchun',
      industry: '机械设备',
      tags: ['edge:pboc-C'],
      pboc: 'C',
      note: '借款企业信用等级 C（不能偿还债务）。 — PBOC long-term C.',
    },
    {
      profile: 'clean',
      cityId: 'nanjing',
      industry: '环境工程',
      tags: ['edge:abnormal-operation'],
      note: '列入经营异常名录（无法联系），无其他不良记录 → 需复核，不构成拒绝理由。 — On the abnormal-operations list only: review, not a bar.',
      add: (d) =>
        addAbnormal(d, {
          listedAt: '2026-06-20',
          removedAt: null,
          reason: '通过登记的住所或者经营场所无法联系',
        }),
    },
  ];
  const out: (readonly [string, EnterpriseSpec])[] = specs.map((s) => [s.tags?.[0] ?? '', s] as const);

  const consortium = (id: string, members: readonly EnterpriseSpec[]) => {
    for (const m of members)
      out.push([`consortium:${id}`, { ...m, tags: [`consortium:${id}`, ...(m.tags ?? [])] }]);
  };
  consortium('cons-a', [
    {
      profile: 'clean',
      cityId: 'hangzhou',
      industry: '建设工程',
      note: '联合体 cons-a 牵头人，无不良记录。 — Lead of the clean consortium cons-a.',
    },
    {
      profile: 'clean',
      cityId: 'hangzhou',
      industry: '建筑设计',
      note: '联合体 cons-a 成员，无不良记录。 — Member of cons-a, clean.',
    },
    {
      profile: 'clean',
      cityId: 'shanghai',
      industry: '智能科技',
      note: '联合体 cons-a 成员，无不良记录。 — Member of cons-a, clean.',
    },
  ]);
  consortium('cons-b', [
    {
      profile: 'clean',
      cityId: 'wuhan',
      industry: '路桥工程',
      note: '联合体 cons-b 牵头人，本身无不良记录。 — Lead of cons-b, itself clean.',
    },
    {
      profile: 'clean',
      cityId: 'wuhan',
      industry: '建筑工程',
      note: '联合体 cons-b 成员，无不良记录。 — Member of cons-b, clean.',
    },
    {
      profile: 'clean',
      cityId: 'changchun',
      industry: '电力工程',
      note: '联合体 cons-b 成员，失信被执行人（有效）→ 视同整个联合体存在不良信用记录，拒绝联合体。 — Member of cons-b on an active dishonest listing: the whole consortium is rejected.',
      add: (d) =>
        addDishonest(d, {
          listedAt: '2025-11-03',
          expiresAt: '2027-11-03',
          removedAt: null,
          enforcement: 'executing',
        }),
    },
  ]);

  for (const [tag, industry] of [
    ['magic:503-twice', '科技'],
    ['magic:500', '软件'],
    ['magic:malformed-json', '商贸'],
    ['magic:drop-connection', '建设工程'],
    ['magic:schema-violation', '电子'],
    ['magic:slow', '物业管理'],
    ['magic:429', '信息技术'],
  ] as const) {
    out.push([
      tag,
      {
        profile: 'clean',
        cityId: 'hangzhou',
        industry,
        tags: [tag],
        note: `模拟服务器故障注入主体（${tag}），数据本身正常。 — Mock-server fault injection subject; the data itself is ordinary.`,
      },
    ]);
  }

  const pairs: readonly (readonly [string, string, string, EnterpriseSpec['add'] | undefined, string])[] = [
    [
      '栖禾建设工程有限公司',
      'beijing',
      'wuhan',
      (d) =>
        addDishonest(d, {
          listedAt: '2026-01-15',
          expiresAt: '2028-01-15',
          removedAt: null,
          enforcement: 'executing',
        }),
      '武汉的一家为失信被执行人（有效），北京的一家无不良记录：仅凭名称无法判断。',
    ],
    [
      '砚川科技有限公司',
      'hangzhou',
      'chengdu',
      (d) =>
        addAbnormal(d, { listedAt: '2026-03-09', removedAt: null, reason: '未依照规定期限公示年度报告' }),
      '成都的一家列入经营异常名录，杭州的一家无不良记录。',
    ],
    ['珀朗环保科技有限公司', 'nanjing', 'xian', undefined, '两家均无不良记录。'],
    ['岫辰供应链管理有限公司', 'shenzhen', 'tianjin', undefined, '两家均无不良记录。'],
  ];
  pairs.forEach(([name, first, second, add, text], i) => {
    const tag = `same-name:${i + 1}`;
    const industry = name.includes('建设工程')
      ? '建设工程'
      : name.includes('环保')
        ? '环保科技'
        : name.includes('供应链')
          ? '供应链管理'
          : '科技';
    const note = `同名企业（${tag}，不同登记机关）：${text} — Same-name pair in two regions.`;
    out.push([tag, { profile: 'clean', cityId: first, industry, name, tags: [tag], note }]);
    out.push([
      tag,
      {
        profile: 'clean',
        cityId: second,
        industry,
        name,
        tags: [tag],
        note,
        ...(add === undefined ? {} : { add }),
      },
    ]);
  });
  return out;
}

/**
 * Edge subjects added after the first data release: they come after the random subjects, so
 * every earlier id (and its PRNG stream) stays where it was. One subject per record-category
 * rule, per listing-boundary rule and per rating rule, the `magic:report-failed` subject, and
 * the 授信审批 demo case `credit-case:cc-1` (a borrower and two guarantors).
 */
function lateEnterprises(cutoff: string): (readonly [string, EnterpriseSpec])[] {
  const inWindow = addMonths(cutoff, -14);
  const specs: EnterpriseSpec[] = [
    {
      profile: 'clean',
      cityId: 'chengdu',
      industry: '建设工程',
      tags: ['edge:land-idle'],
      note: '国土资源：闲置土地（截止时点前三年内认定）→ 三类规则均为需复核。 — Idle land within the look-back: review in procurement, tendering and credit.',
      add: (d) =>
        addRecord(d, 'creditchina', {
          category: 'land_resources',
          kind: 'idle_land',
          authority: `${d.city.name}规划和自然资源局`,
          date: inWindow,
          parcel: `${d.city.short}国用（${inWindow.slice(0, 4)}）第0${d.rng.int(1000, 9999)}号地块`,
          description: '超过出让合同约定的动工开发日期满一年未动工开发，认定为闲置土地',
        }),
    },
    {
      profile: 'clean',
      cityId: 'xian',
      industry: '供应链管理',
      tags: ['edge:land-illegal-use'],
      note: '国土资源：违法用地（截止时点前三年内）→ 需复核。 — Illegal land use within the look-back: review.',
      add: (d) =>
        addRecord(d, 'creditchina', {
          category: 'land_resources',
          kind: 'illegal_land_use',
          authority: `${d.city.name}自然资源和规划局`,
          date: addMonths(cutoff, -8),
          parcel: `${d.district.name}${d.rng.int(1, 30)}号仓储项目`,
          description: '未经批准占用集体土地建设仓库，责令退还并处罚款',
        }),
    },
    {
      profile: 'clean',
      cityId: 'guangzhou',
      industry: '食品',
      tags: ['edge:food-blacklist'],
      note: '食品安全：列入严重违法生产经营者黑名单，期限覆盖截止时点 → 需复核（未确认为法定拒绝理由）。 — On the food-safety serious-violator blacklist at the cut-off: review.',
      add: (d) =>
        addRecord(d, 'creditchina', {
          category: 'food_safety',
          kind: 'serious_violation_blacklist',
          authority: `${d.city.name}市场监督管理局`,
          date: addMonths(cutoff, -6),
          until: addYears(addMonths(cutoff, -6), 3),
          description: '生产经营添加非食用物质的食品，情节严重，列入严重违法生产经营者黑名单',
        }),
    },
    {
      profile: 'clean',
      cityId: 'wuhan',
      industry: '建设工程',
      tags: ['edge:construction-blacklist'],
      note: '工程建设：建筑市场主体“黑名单”记录，期限覆盖截止时点 → 招标投标与信贷需复核；政府采购仅在工程项目时需复核。 — Construction-market blacklist record in force: review (procurement: works only).',
      add: (d) =>
        addRecord(d, 'jzsc', {
          category: 'construction',
          kind: 'blacklist',
          authority: `${d.city.name}城乡建设局`,
          date: addMonths(cutoff, -5),
          until: addYears(addMonths(cutoff, -5), 1),
          description: '拖欠农民工工资情节严重，列入建筑市场主体“黑名单”',
        }),
    },
    {
      profile: 'clean',
      cityId: 'tianjin',
      industry: '建设工程',
      tags: ['edge:construction-blacklist-summary'],
      note: '工程建设：仅名单摘要显示在建筑市场黑名单中（无明细记录）→ 同样需复核，不因缺少明细而通过。 — Only the list summary shows the construction blacklist: still review.',
      add: (d) => {
        d.redLists.push({
          list: 'construction_blacklist',
          kind: 'black',
          since: addMonths(cutoff, -3),
          until: null,
          active: true,
        });
      },
    },
    {
      profile: 'clean',
      cityId: 'hangzhou',
      industry: '建设工程',
      tags: ['edge:construction-award'],
      note: '工程建设：良好行为（获评优质工程）→ 通过；显示为表彰，不得显示成黑名单。 — A construction award: passes, and reads as an award.',
      add: (d) =>
        addRecord(d, 'jzsc', {
          category: 'construction',
          kind: 'good',
          authority: `${d.city.name}住房和城乡建设委员会`,
          date: addMonths(cutoff, -9),
          until: null,
          description: '承建项目获评省级优质工程',
        }),
    },
    {
      profile: 'clean',
      cityId: 'nanjing',
      industry: '电子',
      tags: ['edge:contract-breached'],
      note: '合同履约：违约（仲裁裁决承担违约责任）→ 需复核。 — Breached contract within the look-back: review.',
      add: (d) =>
        addRecord(d, 'creditchina', {
          category: 'contract_performance',
          counterparty: `${d.city.short}市第一人民医院`,
          result: 'breached',
          date: addMonths(cutoff, -10),
          description: '未按合同约定期限交付设备，经仲裁裁决承担违约责任',
        }),
    },
    {
      profile: 'clean',
      cityId: 'shenzhen',
      industry: '电子',
      tags: ['edge:quality-failed'],
      note: '产品质量：监督抽查不合格 → 政府采购需复核，招标投标仅记录，信贷仅记录。 — Failed spot check: review in procurement, info in tendering and credit.',
      add: (d) =>
        addRecord(d, 'gsxt', {
          category: 'product_quality',
          kind: 'spot_check',
          authority: `${d.city.name}市场监督管理局`,
          product: '电动自行车充电器',
          result: 'fail',
          date: addMonths(cutoff, -4),
        }),
    },
    {
      profile: 'clean',
      cityId: 'shanghai',
      industry: '医疗器械',
      tags: ['edge:quality-major-issue'],
      note: '产品质量：重大质量问题 → 需复核。 — Major quality issue: review.',
      add: (d) =>
        addRecord(d, 'gsxt', {
          category: 'product_quality',
          kind: 'major_quality_issue',
          authority: `${d.city.name}市场监督管理局`,
          product: '一次性使用输液器',
          result: 'fail',
          date: addMonths(cutoff, -7),
        }),
    },
    {
      profile: 'clean',
      cityId: 'nanjing',
      industry: '新材料',
      tags: ['edge:env-black-list'],
      note: '环保：列入环保信用黑名单，期限覆盖截止时点 → 需复核。 — On the environmental black list at the cut-off: review.',
      add: (d) =>
        addRecord(d, 'creditchina', {
          category: 'environmental',
          kind: 'black_list',
          grade: null,
          authority: `${d.city.name}生态环境局`,
          date: addMonths(cutoff, -5),
          until: addYears(addMonths(cutoff, -5), 2),
          description: '篡改自动监测数据，列入环保信用黑名单',
        }),
    },
    {
      profile: 'clean',
      cityId: 'hangzhou',
      industry: '机械设备',
      tags: ['edge:env-bad-rating'],
      note: '环保：企业环境信用评价为环保不良企业 → 需复核。 — Environmental credit rating "bad": review.',
      add: (d) =>
        addRecord(d, 'creditchina', {
          category: 'environmental',
          kind: 'rating',
          grade: 'bad',
          authority: `${d.city.name}生态环境局`,
          date: addMonths(cutoff, -11),
          until: null,
          description: '年度企业环境信用评价：环保不良企业',
        }),
    },
    {
      profile: 'clean',
      cityId: 'chengdu',
      industry: '环境工程',
      tags: ['edge:env-red-list'],
      note: '环保：列入环保信用红名单 → 通过；显示为守信。 — On the environmental red list: passes, shown as trustworthy.',
      add: (d) =>
        addRecord(d, 'creditchina', {
          category: 'environmental',
          kind: 'red_list',
          grade: null,
          authority: `${d.city.name}生态环境局`,
          date: addMonths(cutoff, -6),
          until: null,
          description: '列入环保信用红名单（环保诚信企业）',
        }),
    },
    {
      profile: 'clean',
      cityId: 'changchun',
      industry: '建设工程',
      tags: ['edge:work-safety-dishonest'],
      note: '安全生产：列入安全生产严重失信主体名单，期限覆盖截止时点 → 需复核。 — On the work-safety dishonest list at the cut-off: review.',
      add: (d) =>
        addRecord(d, 'creditchina', {
          category: 'work_safety',
          kind: 'dishonest_list',
          authority: `${d.city.name}应急管理局`,
          date: addMonths(cutoff, -2),
          until: addYears(addMonths(cutoff, -2), 1),
          description: '发生较大生产安全事故，列入安全生产严重失信主体名单',
        }),
    },
    {
      profile: 'clean',
      cityId: 'beijing',
      industry: '科技',
      tags: ['edge:dishonest-expires-at-cutoff'],
      note: `失信被执行人名单期限的最后一日即截止时点 ${cutoff}（民法典 第二百零二条：对应日为最后一日）→ 截止时点仍在名单中，拒绝。 — The listing's last day is the cut-off itself: still listed, rejected.`,
      add: (d) =>
        addDishonest(d, {
          listedAt: addYears(cutoff, -2),
          expiresAt: cutoff,
          removedAt: null,
          enforcement: 'executing',
        }),
    },
    {
      profile: 'clean',
      cityId: 'shanghai',
      industry: '商贸',
      tags: ['edge:dishonest-removed-on-as-of'],
      note: `失信被执行人名单于数据日 ${SEED_AS_OF} 当日移出（移出当日起不在名单中，名单摘要的最后一日为前一日）→ 通过。 — Removed on the data day: not listed from that day on, passes.`,
      add: (d) =>
        addDishonest(d, {
          listedAt: addMonths(cutoff, -9),
          expiresAt: null,
          removedAt: SEED_AS_OF,
          enforcement: 'closed',
        }),
    },
    {
      profile: 'clean',
      cityId: 'beijing',
      industry: '软件',
      tags: ['edge:sme-A-'],
      pboc: 'A',
      sme: { value: 'A-', ratedAt: addMonths(SEED_AS_OF, -5) },
      note: '中小企业信用评价 A-，借款企业信用评级 A，均由备案评级机构出具 → 信贷通过。 — SME rating A−, borrower rating A, both filed: credit passes.',
    },
    {
      profile: 'clean',
      cityId: 'hangzhou',
      industry: '智能科技',
      tags: ['edge:sme-BB'],
      sme: { value: 'BB', ratedAt: addMonths(SEED_AS_OF, -3) },
      note: '中小企业信用评价 BB（低于默认授信门槛 BBB-）→ 信贷需复核。 — SME rating BB, below the default floor BBB−: credit review.',
    },
    {
      profile: 'clean',
      cityId: 'shenzhen',
      industry: '信息技术',
      tags: ['edge:rating-unfiled'],
      note: '“AAA”等级的出具机构无备案号 → 不作为评级使用，信贷需复核。 — An "AAA" from an issuer with no filing number is not a rating: credit review.',
      add: (d) => {
        d.grades.push({
          scale: 'pboc_long_term',
          value: 'AAA',
          issuer: {
            name: { zh: '中诚信用管理协会', en: 'Zhongcheng Credit Management Association' },
            kind: 'rating_agency',
            filingNo: null,
          },
          ratedAt: addMonths(SEED_AS_OF, -2),
          validUntil: addYears(addMonths(SEED_AS_OF, -2), 1),
        });
      },
    },
    {
      profile: 'clean',
      cityId: 'nanjing',
      industry: '电子',
      tags: ['edge:rating-expired'],
      note: '借款企业信用评级 AA 已于截止时点前过期 → 信贷需复核（取得跟踪评级）。 — Borrower rating AA expired before the review date: credit review.',
      add: (d) => addPboc(d, 'AA', addYears(addDays(cutoff, -10), -1)),
    },
    {
      profile: 'clean',
      cityId: 'hangzhou',
      industry: '物业管理',
      tags: ['magic:report-failed'],
      note: '模拟服务器故障注入主体（magic:report-failed）：报告订单受理后状态为 failed。 — Reports on this subject end as failed.',
    },
  ];
  const out: (readonly [string, EnterpriseSpec])[] = specs.map((s) => [s.tags?.[0] ?? '', s] as const);
  const party = (role: 'borrower' | 'guarantor', spec: Omit<EnterpriseSpec, 'tags'>) =>
    out.push(['credit-case:cc-1', { ...spec, tags: ['credit-case:cc-1', `role:${role}`] }]);
  party('borrower', {
    profile: 'clean',
    cityId: 'beijing',
    industry: '智能科技',
    pboc: 'AA-',
    sme: { value: 'A', ratedAt: addMonths(SEED_AS_OF, -4) },
    note: '授信案例 cc-1 借款企业：无不良记录，借款企业信用评级 AA-，中小企业信用评价 A → 借款人本身通过。 — Credit case cc-1 borrower: clean, AA− and SME A; passes on its own.',
  });
  party('guarantor', {
    profile: 'clean',
    cityId: 'beijing',
    industry: '建设工程',
    pboc: 'A+',
    note: '授信案例 cc-1 担保人一：无不良记录，评级 A+ → 通过。 — Credit case cc-1 guarantor 1: clean, A+.',
  });
  party('guarantor', {
    profile: 'clean',
    cityId: 'tianjin',
    industry: '商贸',
    sme: { value: 'BB-', ratedAt: addMonths(SEED_AS_OF, -6) },
    note: '授信案例 cc-1 担保人二：失信被执行人（有效），中小企业信用评价 BB- → 担保人不通过，整笔授信不予按此担保通过。 — Credit case cc-1 guarantor 2: an active dishonest listing and SME BB−; the application fails as offered.',
    add: (d) =>
      addDishonest(d, {
        listedAt: addMonths(cutoff, -7),
        expiresAt: addYears(addMonths(cutoff, -7), 2),
        removedAt: null,
        enforcement: 'executing',
      }),
  });
  return out;
}

/** The fixed individuals: housing-fund edge cases and two households. */
function fixedIndividuals(): IndividualSpec[] {
  const clean = (
    tags: string[],
    cityId: string,
    note: string,
    extra: Partial<IndividualSpec> = {},
  ): IndividualSpec => ({
    cityId,
    tags,
    note,
    accounts: [{ type: 'credit_card' }, { type: 'car_loan' }],
    ...extra,
  });
  return [
    clean(
      ['edge:hf-clean'],
      'hangzhou',
      '24 个月内无逾期，连续足额缴存 36 个月，无执行与失信记录 → 公积金贷款可受理。 — Eligible.',
      {
        depositMonths: 36,
      },
    ),
    clean(
      ['edge:hf-3-consecutive'],
      'hangzhou',
      '近 24 个月内一笔贷款连续逾期 3 期（累计 3 期）→ “连三”，不予贷款。 — Exactly 3 consecutive overdue months within 24 months: reject.',
      {
        accounts: [
          { type: 'credit_card' },
          { type: 'consumer_loan', overdue: { 14: '1', 13: '2', 12: '3' } },
        ],
      },
    ),
    clean(
      ['edge:hf-2-consecutive'],
      'hangzhou',
      '近 24 个月内信用卡连续逾期 2 期另有 1 期单次逾期（累计 3 期，均已还清）→ 不触发“连三累六”，可受理。 — 2 consecutive, 3 cumulative: eligible.',
      { accounts: [{ type: 'credit_card', overdue: { 9: '1', 8: '2', 3: '1' } }] },
    ),
    clean(
      ['edge:hf-6-cumulative-inside'],
      'hangzhou',
      '近 24 个月内一笔贷款累计逾期 6 期（均不连续）→ “累六”，不予贷款。 — 6 non-consecutive overdue months within 24 months: reject.',
      {
        accounts: [
          { type: 'credit_card' },
          { type: 'consumer_loan', overdue: { 21: '1', 18: '1', 15: '1', 11: '1', 7: '1', 2: '1' } },
        ],
      },
    ),
    clean(
      ['edge:hf-6-cumulative-outside'],
      'hangzhou',
      '信用卡累计逾期 6 期，但其中 1 期在 24 个月之前，近 24 个月内仅 5 期 → 不触发“累六”，可受理。 — 6 cumulative but only 5 inside 24 months: eligible.',
      {
        accounts: [
          {
            type: 'credit_card',
            months: 36,
            overdue: { 27: '1', 20: '1', 16: '1', 12: '1', 8: '1', 4: '1' },
          },
        ],
      },
    ),
    clean(
      ['edge:hf-deposits-6'],
      'beijing',
      '自 6 个月前开户起连续足额缴存恰好 6 个月 → 满足建金〔2014〕148号“6个月（含）以上”，可受理。 — Exactly 6 consecutive full deposits: eligible.',
      { depositMonths: 6 },
    ),
    clean(
      ['edge:hf-deposits-5'],
      'beijing',
      '连续足额缴存仅 5 个月 → 不满足 6 个月缴存要求，不予受理。 — Only 5 months of deposits: not eligible yet.',
      { depositMonths: 5 },
    ),
    clean(
      ['edge:hf-dishonest'],
      'hohhot',
      '列入全国法院失信被执行人名单（有效）→ 不予贷款。 — Active dishonest judgment debtor: reject.',
      { dishonestActive: true },
    ),
    clean(
      ['edge:hf-court-executing'],
      'changchun',
      '有“正在执行中”的法院强制执行记录（未列入失信）→ 长春等城市不予贷款。 — An executing court enforcement: reject where the city rule covers it.',
      { courtExecuting: true },
    ),
    clean(
      ['edge:hf-five-category-substandard'],
      'changchun',
      '一笔消费贷款五级分类为“次级”，还款记录无逾期 → 不予贷款（次级/可疑/损失）。 — A loan classed substandard: reject.',
      { accounts: [{ type: 'credit_card' }, { type: 'consumer_loan', fiveCategory: 'substandard' }] },
    ),
    clean(
      ['edge:hf-card-frozen'],
      'changchun',
      '信用卡状态为“冻结”，无逾期 → 不予贷款（止付/冻结/呆账）。 — A frozen credit card: reject.',
      { accounts: [{ type: 'credit_card', cardStatus: 'frozen' }, { type: 'car_loan' }] },
    ),
    clean(
      ['edge:hf-12-cumulative-60m'],
      'wuhan',
      '近 60 个月累计逾期 12 期，从未连续 3 期，近 24 个月仅 5 期 → 一般“连三累六”可受理；武汉规则（近60个月累计≥12）不予贷款。 — 12 cumulative in 60 months, never 3 in a row, 5 in 24 months: eligible under 连三累六, rejected by the Wuhan 60-month rule.',
      {
        accounts: [
          { type: 'credit_card' },
          {
            type: 'consumer_loan',
            months: 60,
            overdue: {
              57: '1',
              52: '1',
              47: '1',
              42: '1',
              37: '1',
              32: '1',
              27: '1',
              22: '1',
              17: '1',
              12: '1',
              7: '1',
              2: '1',
            },
          },
        ],
      },
    ),
    clean(
      ['edge:hf-card-annual-fee'],
      'hangzhou',
      '信用卡因未缴年费形成连续 3 期逾期，已按年费豁免 → 豁免后无逾期，可受理（杭州：信用卡年费除外）。 — 3 overdue months excused as an annual fee: eligible once exemptions apply.',
      {
        accounts: [
          { type: 'credit_card', overdue: { 19: '1', 18: '2', 17: '3' }, annualFeeMonths: [19, 18, 17] },
          { type: 'car_loan' },
        ],
      },
    ),
    clean(
      ['household:hh-1', 'role:applicant'],
      'hangzhou',
      '家庭 hh-1 申请人：无逾期，缴存正常 → 可受理；配偶同样正常，家庭整体可受理。 — Household hh-1 applicant, clean; household eligible.',
      { sex: 'male' },
    ),
    clean(
      ['household:hh-1', 'role:spouse'],
      'hangzhou',
      '家庭 hh-1 配偶：无逾期 → 可受理。 — Household hh-1 spouse, clean.',
      { sex: 'female' },
    ),
    clean(
      ['household:hh-2', 'role:applicant'],
      'hangzhou',
      '家庭 hh-2 申请人：本人无逾期，缴存正常；但共同借款人近 24 个月连续逾期 3 期 → 家庭整体不予贷款。 — Household hh-2 applicant, clean; the household is rejected because of the co-borrower.',
      { sex: 'female' },
    ),
    clean(
      ['household:hh-2', 'role:co_borrower'],
      'hangzhou',
      '家庭 hh-2 共同借款人：近 24 个月一笔贷款连续逾期 3 期 → 不予贷款（杭州规则覆盖配偶、共同还款人）。 — Household hh-2 co-borrower with 3 consecutive overdue months: reject.',
      {
        sex: 'male',
        accounts: [{ type: 'credit_card' }, { type: 'consumer_loan', overdue: { 10: '1', 9: '2', 8: '3' } }],
      },
    ),
  ];
}

/**
 * Generates the seed data. The same options give the same data, byte for byte, on every
 * machine: all randomness comes from a seeded PRNG and every date from {@link SEED_AS_OF}.
 *
 * @throws RangeError when `size` is smaller than the number of fixed edge-case subjects.
 * @example
 * ```ts
 * const data = generateSeeds({ size: 'default' });
 * data.enterprises.find((e) => e.tags.includes('edge:clean'))?.subject.uscc;
 * ```
 */
export function generateSeeds(options: GenerateOptions): SeedData {
  const seed = options.seed ?? DEFAULT_PRNG_SEED;
  const total = options.size === 'default' ? DEFAULT_ENTERPRISE_COUNT : options.size;
  const fixed = fixedEnterprises(DEMO_CUTOFF);
  const late = lateEnterprises(DEMO_CUTOFF);
  if (!Number.isInteger(total) || total < fixed.length + late.length) {
    throw new RangeError(`size must be an integer of at least ${fixed.length + late.length}, got ${total}`);
  }
  const ctx: EnterpriseContext = { seed, asOf: SEED_AS_OF, usedCodes: new Set(), usedNames: new Set() };
  for (const [, spec] of [...fixed, ...late]) if (spec.name !== undefined) ctx.usedNames.add(spec.name);

  const enterprises: EnterpriseSeed[] = [];
  // The same id (and so the same PRNG stream) for a fixed subject in every size.
  const entId = (i: number) => `ent-${String(i + 1).padStart(4, '0')}`;
  for (const [, spec] of fixed) enterprises.push(buildEnterprise(ctx, entId(enterprises.length), spec));
  const profile = options.size === 'default' ? 'random' : 'light';
  while (enterprises.length < total - late.length)
    enterprises.push(buildEnterprise(ctx, entId(enterprises.length), { profile }));
  for (const [, spec] of late) enterprises.push(buildEnterprise(ctx, entId(enterprises.length), spec));

  const consortia: Consortium[] = ['cons-a', 'cons-b'].map((id) => {
    const members = enterprises.filter((e) => e.tags.includes(`consortium:${id}`));
    const lead = members[0];
    if (lead === undefined) throw new Error(`consortium ${id} has no members`);
    const shortName = (name: string) =>
      name.replace(/（.*?）/g, '').replace(/(集团)?(股份)?有限(责任)?公司$/, '');
    return {
      id,
      name: `${members.map((m) => shortName(m.subject.name)).join('—')}联合体`,
      leadId: lead.subject.id,
      memberIds: members.map((m) => m.subject.id),
    };
  });

  const ictx: IndividualContext = { seed, asOf: SEED_AS_OF, usedIds: new Set() };
  const individuals = fixedIndividuals().map((spec, i) =>
    buildIndividual(ictx, `ind-${String(i + 1).padStart(3, '0')}`, spec),
  );
  // Added after the first release: last, so the earlier people keep their ids and streams.
  const lateIndividuals: IndividualSpec[] = [
    {
      cityId: 'beijing',
      tags: ['credit-case:cc-1', 'role:legal_representative'],
      note: '授信案例 cc-1 借款企业的法定代表人：个人征信须取得书面授权并约定用途后查询；无逾期、无执行记录。 — Legal representative of the cc-1 borrower: personal lookups only after written consent; clean.',
      sex: 'male',
    },
  ];
  while (individuals.length < INDIVIDUAL_COUNT - lateIndividuals.length) {
    const i = individuals.length;
    const cityId = CITIES[i % CITIES.length]?.id ?? 'beijing';
    individuals.push(
      buildIndividual(ictx, `ind-${String(i + 1).padStart(3, '0')}`, {
        cityId,
        background: true,
        ...(i % 10 === 3 ? { depositMonths: null } : {}),
      }),
    );
  }
  for (const spec of lateIndividuals)
    individuals.push(buildIndividual(ictx, `ind-${String(individuals.length + 1).padStart(3, '0')}`, spec));

  const { products, domains } = buildCatalog();
  const rest = SeedData.parse({
    meta: {
      prngSeed: seed,
      size: options.size === 'default' ? 'default' : String(total),
      asOf: SEED_AS_OF,
      cutoff: DEMO_CUTOFF,
    },
    products,
    domains,
    enterprises: [],
    individuals,
    consortia,
    keys: buildKeys(products),
  });
  // Validated one by one, replacing each draft, so a large set is never held twice.
  for (let i = 0; i < enterprises.length; i++) enterprises[i] = EnterpriseSeed.parse(enterprises[i]);
  return { ...rest, enterprises };
}

/**
 * Seeds for load tests and benchmarks: {@link generateSeeds} at `size`, with the demo key never
 * rate-limited (its 600 a minute would turn thousands of lookups into 429 waits, and these
 * measure the client, not the mock's limiter), and the codes of the ordinary companies (no
 * `magic:` fault subjects) to look up.
 *
 * @example
 * ```ts
 * const { seeds, usccs } = loadTestSeeds(5_000);
 * ```
 */
export function loadTestSeeds(size: number): { seeds: SeedData; usccs: string[] } {
  const generated = generateSeeds({ size });
  const seeds = {
    ...generated,
    keys: generated.keys.map((k) => (k.key === DEMO_API_KEY ? { ...k, rateLimitPerMinute: 1_000_000 } : k)),
  };
  const usccs = seeds.enterprises
    .filter((e) => !e.tags.some((t) => t.startsWith('magic:')))
    .map((e) => e.subject.uscc);
  return { seeds, usccs };
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) out[key] = sortKeys((value as Record<string, unknown>)[key]);
    return out;
  }
  return value;
}

/**
 * The compact file text of a data set in chunks (one per array element), so a large set can
 * be written without building one huge string. Joined, it equals
 * `serializeSeeds(data, { compact: true })`.
 *
 * @example
 * ```ts
 * for (const chunk of serializeSeedsChunks(data)) writeSync(fd, chunk);
 * ```
 */
export function* serializeSeedsChunks(data: SeedData): Generator<string> {
  const record = data as unknown as Record<string, unknown>;
  let first = true;
  for (const key of Object.keys(record).sort()) {
    yield `${first ? '{' : ','}${JSON.stringify(key)}:`;
    first = false;
    const value = record[key];
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++)
        yield `${i === 0 ? '[' : ','}${JSON.stringify(sortKeys(value[i]))}`;
      yield value.length === 0 ? '[]' : ']';
    } else {
      yield JSON.stringify(sortKeys(value));
    }
  }
  yield first ? '{}\n' : '}\n';
}

/**
 * The file text of a data set: keys sorted at every level, two-space indent (or compact),
 * trailing newline. The committed seed.json is exactly `serializeSeeds(generateSeeds({ size: 'default' }))`.
 *
 * @example
 * ```ts
 * writeFileSync('seed.json', serializeSeeds(generateSeeds({ size: 'default' })));
 * ```
 */
export function serializeSeeds(data: SeedData, options: { compact?: boolean } = {}): string {
  if (options.compact === true) return [...serializeSeedsChunks(data)].join('');
  return `${JSON.stringify(sortKeys(data), null, 2)}\n`;
}

const HERE = dirname(fileURLToPath(import.meta.url));

/**
 * Where the generator writes, relative to the `seeds/` folder.
 *
 * @example
 * ```ts
 * SEED_PATHS.data; // '/…/seeds/data/seed.json'
 * ```
 */
export const SEED_PATHS = {
  data: resolve(HERE, 'data/seed.json'),
  pages: resolve(HERE, 'pages'),
  samples: resolve(HERE, 'samples'),
} as const;

function write(path: string, content: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
}

function main(argv: readonly string[]): void {
  let size: number | null = null;
  let out: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = argv[i + 1];
    if (arg === '--size' && value !== undefined) {
      size = Number(value);
      i++;
    } else if (arg === '--out' && value !== undefined) {
      out = resolve(value);
      i++;
    } else {
      throw new Error(
        `usage: node seeds/generate.ts [--size <enterprises>] [--out <path>] (unexpected ${arg})`,
      );
    }
  }
  const started = performance.now();
  if (size !== null) {
    const data = generateSeeds({ size });
    const path = out ?? resolve(HERE, `data/large-${size}.json`);
    mkdirSync(dirname(path), { recursive: true });
    const fd = openSync(path, 'w');
    try {
      let buffer = '';
      for (const chunk of serializeSeedsChunks(data)) {
        buffer += chunk;
        if (buffer.length > 1 << 20) {
          writeSync(fd, buffer);
          buffer = '';
        }
      }
      writeSync(fd, buffer);
    } finally {
      closeSync(fd);
    }
    console.log(
      `wrote ${path}: ${data.enterprises.length} enterprises in ${Math.round(performance.now() - started)} ms`,
    );
    return;
  }
  const data = generateSeeds({ size: 'default' });
  write(out ?? SEED_PATHS.data, serializeSeeds(data));
  if (out !== null) {
    console.log(`wrote ${out}: the default set (pages and samples not rewritten)`);
    return;
  }
  // Pages and samples come from the data just generated, never from an older file.
  for (const [name, html] of Object.entries(renderStaticPages(data)))
    write(resolve(SEED_PATHS.pages, name), html);
  for (const [name, bytes] of Object.entries(renderSamples(data)))
    write(resolve(SEED_PATHS.samples, name), bytes);
  console.log(
    `wrote ${SEED_PATHS.data}: ${data.enterprises.length} enterprises, ${data.individuals.length} individuals, pages and samples in ${Math.round(performance.now() - started)} ms`,
  );
}

if (import.meta.main) {
  main(process.argv.slice(2));
}
