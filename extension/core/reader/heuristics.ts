/**
 * Every heuristic of the page reader, as data: the labels that make a row a header, the words
 * that mark a bidder position in running text, the endings of an organisation's name, the
 * words that can never be part of one, and the labels of page facts. Each list is tested in
 * `heuristics.test.ts`; a new platform's wording is a new entry here, not a new branch.
 */
import type { SubjectRole } from '../screening/model.ts';

/** Header cells of a bidder's name column (`投标人名称`, `供应商`, `单位名称`…). */
export const NAME_HEADER =
  /投标人|供应商|中标人|成交人|候选人|单位名称|企业名称|公司名称|投标单位|响应人|申请人|申请单位|报名单位|竞买人|联合体成员|成员单位|名称/;

/** Header words that rule a column out as a bidder's name, though a name word is in it. */
export const NOT_NAME_HEADER =
  /代码|编号|号码|地址|电话|报价|金额|价格|联系|时间|日期|得分|分值|排名|名次|序号|备注|项目|代表人|负责人|经理|姓名|采购人|招标人|代理|资质|证书|账号|开户|类型|角色|身份|分工/;

/** The header of the column where the page numbers its rows (序号, 编号, No.), the whole label. */
export const NUMBER_HEADER = /^(?:序号|编号|序|No\.?|#)$/i;

/**
 * A printed row number: short, digits or letters with at most one `-`/`.` part (`3`, `A2`,
 * `3-1`), or Chinese numerals (`十二`). Anything longer is not a row number.
 */
export const ROW_NUMBER = /^(?:[0-9A-Za-z]{1,6}(?:[-.][0-9A-Za-z]{1,4})?|[一二三四五六七八九十百]{1,4})$/;

/** Header cells of a code column (`统一社会信用代码`, `组织机构代码`, `注册号`…). */
export const CODE_HEADER = /信用代码|机构代码|注册号|社会代码|营业执照号|执照号码|证照号/;

/** Header cells of a column stating each member's part in a 联合体 (`成员角色`, `联合体身份`). */
export const ROLE_HEADER = /角色|身份|分工|牵头人\/成员|成员类型|联合体情况/;

/**
 * Short labels seen in the header row of a bidder table. A row is read as a header when most
 * of its cells are such labels and one of them names the bidders or their codes.
 */
export const HEADER_WORDS =
  /序号|编号|投标人|供应商|中标人|成交人|候选人|单位|名称|企业|公司|代码|注册号|报价|价格|金额|工期|质量|得分|总分|分值|评分|技术|商务|排名|名次|备注|联系|电话|地址|项目|负责人|经理|代表人|资质|角色|身份|分工|结果|是否|状态|保证金|递交|时间|日期|签到|响应|申请|联合体|成员|标段|包|折扣|费率|服务期|交货期|理由|原因|说明|情况|评审|意见/;

/** The longest text a header cell may have. */
export const HEADER_CELL_MAX = 16;

/**
 * Text that marks a name cell or a role cell as a 联合体: its leader and members are grouped,
 * and the codes beside them paired by order.
 */
export const CONSORTIUM_MARKER = /联合体|牵头人|牵头方|成员单位|联合体成员/;

/** A 联合体's leader, written beside its name (`（牵头人）`, `牵头人：`). */
export const LEADER_MARKER = /牵头人|牵头方|牵头单位|主办方|联合体主体/;

/** Separators between several names or codes in one cell (besides line breaks). */
export const PART_SEPARATOR = /[、；;／/\n]|\s{2,}/;

/** Labels stripped off a consortium member before its name is read. */
export const MEMBER_LABEL =
  /^(?:联合体)?(?:牵头人|牵头方|牵头单位|主办方|成员|成员单位|成员方|联合体成员)\s*[：:]?\s*|[（(](?:联合体)?(?:牵头人|牵头方|牵头单位|主办方|成员|成员单位|成员方)?[)）]|^联合体\s*[：:]\s*|^\d+[.、．]\s*/g;

/**
 * Endings of an organisation's name. Single characters that end many ordinary words (社, 部,
 * 所, 院, 站, 店, 行, 会, 厂) count only in the compounds listed: `统一社` is not a company.
 */
export const ORG_SUFFIXES: readonly string[] = [
  '有限责任公司',
  '股份有限公司',
  '有限公司',
  '分公司',
  '集团',
  '公司',
  '研究院',
  '研究所',
  '设计院',
  '规划院',
  '勘察院',
  '事务所',
  '合作社',
  '联合社',
  '出版社',
  '旅行社',
  '杂志社',
  '报社',
  '工作室',
  '中心',
  '医院',
  '卫生院',
  '学校',
  '大学',
  '学院',
  '幼儿园',
  '工厂',
  '加工厂',
  '制品厂',
  '机械厂',
  '商店',
  '经营部',
  '营业部',
  '门市部',
  '服务部',
  '建筑队',
  '商行',
  '银行',
  '协会',
  '商会',
  '基金会',
  '服务站',
  '加油站',
  '检测站',
];

/**
 * Words never inside a company's name on these pages: text around a name (`原公告中误录的`),
 * the labels of codes and positions, and sentence words. A name containing one is not read.
 */
export const NAME_STOP_WORDS =
  /公告|误录|更正|信用代码|统一社会|代码|编号|号码|日期|时间|本项目|本次|如下|以下|其中|上述|详见|附件|见附|以上|报价|金额|联系人|电话|地址|投标人|供应商|候选人|中标|成交|采购人|招标人|代理机构|评审|委员会|专家|负责人|法定代表人|名称|联合体|。|，|：|；/;

/** The fewest and most characters of a company name. */
export const NAME_LENGTH = { min: 4, max: 60 } as const;

/** Characters a company name is made of. */
export const NAME_CHARS = '\\u3400-\\u9fffA-Za-z0-9（）()·&＆';

/**
 * The grammar of a bidder position in running text: an optional rank (`排名第二的`, `第一`),
 * an optional outcome (`中标`, `成交`, `推荐`) and the position (`候选人`, `供应商`, `投标人`,
 * `申请人`), then `：` or `为`. The name follows and ends at punctuation or the next label.
 */
export const POSITION_LABEL = new RegExp(
  [
    '(?<rank>(?:评审)?(?:排名|排序)?第[一二三四五六七八九十\\d]+(?:名|位)?的?|推荐的?|拟(?:推荐|确定)?的?)?',
    '(?<outcome>中标|成交|预中标|预成交)?(?:[（(]成交[)）])?',
    '(?<who>候选人|候选供应商|候选单位|供应商|投标人|申请人|中标人|成交人|投标单位|响应人|单位|人)',
    '(?:名称)?\\s*(?:为|是|[：:])\\s*',
  ].join(''),
  'g',
);

/** The role a matched position gives. */
export function roleOfPosition(groups: {
  rank?: string;
  outcome?: string;
  who?: string;
}): SubjectRole | null {
  const { rank, outcome, who = '' } = groups;
  // `人`/`单位` alone are too common: they count only as 中标人 / 成交单位.
  if ((who === '人' || who === '单位') && !outcome) return null;
  // A ranked or recommended name has not won yet.
  if (/候选/.test(who) || rank) return 'candidate';
  if (outcome) return 'winner';
  return 'bidder';
}

/** Where a name after a position label stops: punctuation, a bracket, or the next label. */
export const NAME_END =
  /[。；;，,！!？?\n【[]|\s{2,}|(?:地址|联系人|联系电话|电话|中标金额|成交金额|投标报价|报价|金额|得分|评分|统一社会信用代码|信用代码|项目负责人|负责人|法定代表人|第[一二三四五六七八九十\d]+(?:名|位)?(?:中标|成交)?候选人|中标供应商|成交供应商)/;

/**
 * Where the lead-in ends before a company named right before its code: punctuation, or a bidder
 * position with its 为/是 (`第一中标候选人为杭州某某有限公司（统一社会信用代码：`).
 */
export const NAME_BEFORE_CODE_LEAD = /[：:，,、]|(?:候选人|供应商|投标人|申请人|牵头人|成员)(?:为|是)?/;

/** Text right before a code that labels it as a code, so a wrong check character is reported. */
export const CODE_LABEL_BEFORE = /(?:信用代码|社会信用代码|代码|证照号)\s*[：:]?\s*$/;

/**
 * One page fact: what it is and the labels it is printed under. The first label that matches
 * wins; the cut-off prefers the bid deadline over the opening time.
 */
export interface FactSpec {
  fact: 'projectNumber' | 'lot' | 'deadline' | 'openingTime' | 'buyer' | 'businessNo';
  label: RegExp;
  /** What a value must look like. */
  value: RegExp;
}

/** The page facts the reader looks for. */
export const FACTS: readonly FactSpec[] = [
  {
    fact: 'projectNumber',
    label: /^(?:项目编号|招标编号|采购项目编号|采购编号|项目代码|交易编号|招标项目编号|项目编码)$/,
    value: /^[A-Za-z0-9][A-Za-z0-9\-_/〔〕（）()[\]【】·.]{3,60}$/,
  },
  {
    fact: 'lot',
    label: /^(?:标段（包）编号|标段\(包\)编号|标段编号|标段（包）|标段|包号|采购包|包件号|分包号|包组|标包)$/,
    value: /^.{1,40}$/,
  },
  {
    fact: 'deadline',
    label:
      /^(?:投标截止时间|投标文件递交截止时间|响应文件提交截止时间|递交截止时间|提交投标文件截止时间|截止时间|首次响应文件提交截止时间)$/,
    value: /\d{4}\s*(?:年|[-/.])\s*\d{1,2}\s*(?:月|[-/.])\s*\d{1,2}/,
  },
  {
    fact: 'openingTime',
    label: /^(?:开标时间|开启时间|开标日期|响应文件开启时间)$/,
    value: /\d{4}\s*(?:年|[-/.])\s*\d{1,2}\s*(?:月|[-/.])\s*\d{1,2}/,
  },
  {
    fact: 'buyer',
    label: /^(?:采购人|采购人名称|招标人|招标人名称|采购单位|建设单位)$/,
    value: /^.{2,60}$/,
  },
  {
    // A loan application's own number, as housing-fund and bank forms print it.
    fact: 'businessNo',
    label: /^(?:业务编号|申请编号|受理编号|业务流水号|贷款申请编号|申请书编号|业务受理号|受理号)$/,
    value: /^[A-Za-z0-9][A-Za-z0-9\-_/〔〕（）()[\]【】·.]{3,60}$/,
  },
];

/** Labels of form fields whose value may name an enterprise or carry a code. */
export const FIELD_LABEL =
  /信用代码|机构代码|注册号|身份证|证件号|公民身份号码|单位名称|企业名称|公司名称|售房单位|开发商|开发企业|担保单位|担保人|担保公司|保证人|工作单位|用人单位|雇主|供应商|投标人/;

/**
 * Roles of the companies on a loan page, by the label they are printed under: the developer
 * selling the home, a guarantor, the borrower's employer.
 */
export const LOAN_COMPANY_LABELS: ReadonlyArray<{
  pattern: RegExp;
  part: 'developer' | 'guarantor' | 'employer';
}> = [
  { pattern: /售房单位|开发商|开发企业|房地产开发|出卖人|卖方单位/, part: 'developer' },
  { pattern: /担保单位|担保公司|担保人|保证人|保证单位/, part: 'guarantor' },
  { pattern: /工作单位|用人单位|雇主|所在单位|缴存单位/, part: 'employer' },
];

/** Tags that never hold page text worth reading. */
export const SKIP_TAGS: ReadonlySet<string> = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'OPTION',
  'CODE-EDITOR',
  'SVG',
  'svg',
  'IFRAME',
  'OBJECT',
]);

/**
 * Inline elements: text in adjacent ones reads as one string (a code split over two spans),
 * text across any other element does not.
 */
export const INLINE_TAGS: ReadonlySet<string> = new Set([
  'SPAN',
  'B',
  'STRONG',
  'I',
  'EM',
  'U',
  'FONT',
  'A',
  'SMALL',
  'BIG',
  'SUB',
  'SUP',
  'MARK',
  'ABBR',
  'CITE',
  'CODE',
  'KBD',
  'SAMP',
  'VAR',
  'TIME',
  'DATA',
  'LABEL',
  'INS',
  'DEL',
  'S',
  'Q',
  'BDI',
  'BDO',
  'WBR',
  'NOBR',
]);
