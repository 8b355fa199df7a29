/**
 * `--help` text for each command, in Chinese and English.
 */
import { ENTERPRISE_RULE_SETS } from '@xinjian/sdk';
import type { Language } from './labels.ts';

// The modes `check` takes, as the SDK registers them.
const MODES = ENTERPRISE_RULE_SETS.join('|');

const EXIT_CODES_ZH = `退出码:
  0   全部查询完成且全部通过（或列表已输出）
  1   至少一个主体不通过
  2   无不通过，但有需复核、信息不全、未找到或需人工确认的主体
  64  命令行用法错误（未知命令或选项、缺少参数、日期格式错误）
  65  输入数据有误（代码校验不通过、名单为空、找不到名称或代码列）
  66  输入文件不存在或无法读取
  69  接口不可用（无法连接或服务端错误），相应行显示"暂不可用"
  70  内部错误
  73  无法写入输出文件
  77  API 密钥无效或无权限（401/403）
  78  配置不完整（只设置了 XINJIAN_API_URL 或 XINJIAN_API_KEY 之一）
  130 被 Ctrl-C 中断：已核查的结果写入 *.partial.csv 和 *.partial.json，其余行标记"未核查（已中断）"
  同时出现多种情况时取最严重者：130 › 77 › 69 › 65 › 1 › 2 › 0。`;

const EXIT_CODES_EN = `Exit codes:
  0   every subject checked and passed (or the listing was printed)
  1   at least one subject fails
  2   none fails, but some need review, are incomplete, not found or ambiguous
  64  usage error (unknown command or option, missing argument, bad date)
  65  bad input data (identifier fails its check, empty list, no name or code column)
  66  input file missing or unreadable
  69  API unavailable (unreachable or server error); those rows show "unavailable"
  70  internal error
  73  cannot write an output file
  77  API key rejected (401/403)
  78  incomplete configuration (only one of XINJIAN_API_URL and XINJIAN_API_KEY set)
  130 stopped by Ctrl-C: what was checked is written to *.partial.csv and *.partial.json, other rows say "not checked (interrupted)"
  When several apply, the most severe wins: 130 › 77 › 69 › 65 › 1 › 2 › 0.`;

const ENV_ZH = `环境变量:
  XINJIAN_API_URL   接口地址，例如 https://api.example.cn
  XINJIAN_API_KEY   API 密钥
  两者都未设置时使用内置演示数据（在 127.0.0.1 临时启动模拟服务）。`;

const ENV_EN = `Environment:
  XINJIAN_API_URL   API base URL, e.g. https://api.example.cn
  XINJIAN_API_KEY   API key
  With neither set, the embedded demo data is used (a mock server on 127.0.0.1).`;

const MAIN = {
  zh: `信鉴 xinjian：政府采购与招标投标信用核查

用法:
  xinjian check <代码或名称>...       查询主体评级并按规则判定
  xinjian check --csv <投标人名单.csv> 批量核查名单，输出结果表和证据文件
  xinjian products                    信用产品目录
  xinjian domains                     应用目录（各领域必需和推荐的产品及政策依据）
  xinjian verify <证据文件>           离线核验证据文件（摘要、签名、结论）
  xinjian help <命令>                 查看命令帮助

通用选项:
  --lang zh|en    输出语言（默认 zh）
  --demo          忽略环境变量，使用内置演示数据
  -h, --help      显示帮助
  -v, --version   显示版本

${ENV_ZH}

${EXIT_CODES_ZH}
`,
  en: `Xinjian: credit checks for government procurement and tendering

Usage:
  xinjian check <code-or-name>...     look up subjects' grades and apply the rule pack
  xinjian check --csv <bidders.csv>   check a bidder list; write a result CSV and evidence JSON
  xinjian products                    the credit-product catalog
  xinjian domains                     the application catalog (required and recommended products, policy basis)
  xinjian verify <evidence file>      check a saved evidence file offline (digest, signatures, verdicts)
  xinjian help <command>              help for a command

Common options:
  --lang zh|en    output language (default zh)
  --demo          ignore the environment and use the embedded demo data
  -h, --help      show help
  -v, --version   show the version

${ENV_EN}

${EXIT_CODES_EN}
`,
};

const CHECK = {
  zh: `用法:
  xinjian check <代码或名称>... [选项]
  xinjian check --csv <文件> [--out <结果.csv>] [--evidence <证据.json>] [选项]

逐个查询主体（统一社会信用代码、组织机构代码、注册号或企业名称），显示名称、代码、
评级（含评级体系和评级机构）、最新纳税信用和结论及原因。
名称通过主体搜索解析：唯一且可信的匹配会直接使用并注明置信度；同名或无法区分时
不做猜测，列出候选并标记"需人工确认"；无匹配时显示"未找到"。

选项:
  --mode ${MODES}
                                 规则：政府采购（默认，财库〔2016〕125号）、招标投标（法〔2016〕285号）
                                 或信贷（借款企业及其担保人：担保人写在“担保人”列，以 ; 分隔）
  --cutoff YYYY-MM-DD            截止时点（采购文件规定的查询时点；默认今天，演示数据为 2026-11-20）
  --as-of YYYY-MM-DD             评价基准日（默认今天，演示数据为 2026-11-01）
  --csv <文件>                   投标人名单 CSV（UTF-8、带 BOM 的 UTF-8 或 GBK）
                                 表头可用：投标人/投标人名称/供应商/供应商名称/单位名称/名称/name，
                                 统一社会信用代码/信用代码/USCC/code/组织机构代码/注册号，
                                 联合体/联合体成员（成员以 ; 分隔）
  --out <文件>                   结果 CSV（默认 <名单>.result.csv，UTF-8 带 BOM，Excel 可直接打开）
  --evidence <文件>              证据 JSON（默认 <名单>.evidence.json，含 SHA-256 校验值）
  --operator <姓名>              查询人，记入证据文件
  --json                         输出 JSON（每个主体一个对象，含评级摘要和判定）
  --all                          名单超过 50 行时也逐行显示（默认只显示各结论行数和未通过的行）
  -q, --quiet                    不显示进度（接口限流等待仍会提示）
  --lang zh|en                   输出语言（默认 zh）
  --demo                         使用内置演示数据

示例:
  xinjian check 91110000561976492Q
  xinjian check 北京某某建设有限公司 --mode tendering
  xinjian check --csv 投标人名单.csv --cutoff 2026-11-20

${EXIT_CODES_ZH}
`,
  en: `Usage:
  xinjian check <code-or-name>... [options]
  xinjian check --csv <file> [--out <result.csv>] [--evidence <evidence.json>] [options]

Looks up each subject (USCC, organisation code, registration number or company name) and
shows name, code, grades (with scale and issuer), latest tax credit, and the verdict with reasons.
Names resolve through subject search: a single confident match is used and its confidence shown;
an ambiguous name is not guessed: the candidates are listed and the row marked "ambiguous";
no match shows "not found".

Options:
  --mode ${MODES}
                                 rule pack: government procurement (default), tendering, or credit
                                 lending (a borrower with its guarantors in the members column)
  --cutoff YYYY-MM-DD            check cut-off set by the tender documents (default today; demo data 2026-11-20)
  --as-of YYYY-MM-DD             evaluation date (default today; demo data 2026-11-01)
  --csv <file>                   bidder list CSV (UTF-8, UTF-8 with BOM, or GBK)
                                 headers: 投标人/投标人名称/供应商/供应商名称/单位名称/名称/name,
                                 统一社会信用代码/信用代码/USCC/code/组织机构代码/注册号,
                                 联合体/联合体成员 (members separated by ;)
  --out <file>                   result CSV (default <list>.result.csv; UTF-8 with BOM for Excel)
  --evidence <file>              evidence JSON (default <list>.evidence.json; carries a SHA-256)
  --operator <name>              who ran the check, recorded in the evidence file
  --json                         JSON output: one object per subject with summary and evaluation
  --all                          print every row even for lists over 50 rows (default: counts by verdict and the rows that did not pass)
  -q, --quiet                    no progress output (rate-limit waits are still announced)
  --lang zh|en                   output language (default zh)
  --demo                         use the embedded demo data

Examples:
  xinjian check 91110000561976492Q
  xinjian check "Beijing Example Construction Co." --mode tendering --lang en
  xinjian check --csv bidders.csv --cutoff 2026-11-20

${EXIT_CODES_EN}
`,
};

const PRODUCTS = {
  zh: `用法:
  xinjian products [--domain <领域>] [--subject-type enterprise|individual] [--json] [--lang zh|en]

列出信用产品目录：产品、提供方、适用主体、评级体系、价格（点数）、更新频率和适用领域。

${EXIT_CODES_ZH}
`,
  en: `Usage:
  xinjian products [--domain <domain>] [--subject-type enterprise|individual] [--json] [--lang zh|en]

Lists the credit-product catalog: product, provider, subject type, rating scales, price (credits),
update frequency and domains.

${EXIT_CODES_EN}
`,
};

const DOMAINS = {
  zh: `用法:
  xinjian domains [--json] [--lang zh|en]

列出应用目录：各领域必需和推荐的信用产品及政策依据。

${EXIT_CODES_ZH}
`,
  en: `Usage:
  xinjian domains [--json] [--lang zh|en]

Lists the application catalog: each domain's required and recommended products and policy basis.

${EXIT_CODES_EN}
`,
};

const VERIFY = {
  zh: `用法:
  xinjian verify <证据文件> [--keys <jwks.json>] [--demo] [--json] [--lang zh|en]

离线核验 xinjian check 或浏览器扩展保存的证据文件（xinjian.evidence/2）：
  1. 文件结构；2. 记录（按 RFC 8785 规范化）的 SHA-256 与 digest 一致；
  3. 每条嵌入的签名结果用信用服务公布的公钥（JWKS）核验 Ed25519 签名；
  4. 每个主体和联合体的结论按规则集由签名结果重算，并与记录一致。
逐项说明哪一处不符（哪个主体、哪个字段）。

公钥来源（按顺序）：--keys 指定的 JWKS 文件；XINJIAN_BASE_URL 所指服务的 /.well-known/jwks.json；
未配置或使用 --demo 时为内置演示公钥（仅能核验演示数据生成的记录）。记录中写的公钥地址不会被采用。

退出码:
  0   全部核验通过
  1   核验未通过：记录被改动、签名无效、密钥不在公钥集中或结论与签名结果不符
  64  命令行用法错误
  65  文件不是有效的证据记录，或 --keys 不是有效的 JWKS
  66  文件不存在或无法读取
  69  无法获取信用服务的公钥
  70  此运行环境不支持 Ed25519
  78  XINJIAN_BASE_URL 无效（例如非本机的 http:// 地址）
`,
  en: `Usage:
  xinjian verify <evidence file> [--keys <jwks.json>] [--demo] [--json] [--lang zh|en]

Checks an evidence file saved by xinjian check or the browser extension (xinjian.evidence/2),
offline:
  1. its structure; 2. the SHA-256 of the record (RFC 8785 canonical JSON) equals its digest;
  3. every embedded signed answer verifies (Ed25519) against the credit service's keys (JWKS);
  4. every subject's and consortium's verdict, derived again from the signed answers by the
     rule set, equals the record's.
Says which part fails (which subject, which field).

Keys, in this order: the JWKS file given with --keys; /.well-known/jwks.json of the service at
XINJIAN_BASE_URL; with neither configured, or with --demo, the bundled demo keys (they verify only
records made from the demo data). A keys address written inside the record is never used.

Exit codes:
  0   every check passed
  1   verification failed: the record was changed, a signature is invalid, a key is not in the
      key set, or a verdict differs from what the signed answers give
  64  usage error
  65  the file is not a valid evidence record, or --keys is not a valid JWKS
  66  a file is missing or unreadable
  69  the credit service's keys cannot be fetched
  70  this runtime cannot verify Ed25519
  78  XINJIAN_BASE_URL is refused (e.g. plain http:// off this machine)
`,
};

/**
 * Commands that have their own help.
 *
 * @example
 * ```ts
 * const c: HelpTopic = 'check';
 * ```
 */
export type HelpTopic = 'main' | 'check' | 'products' | 'domains' | 'verify';

/**
 * The help text for a command.
 *
 * @example
 * ```ts
 * process.stdout.write(helpText('check', 'en'));
 * ```
 */
export function helpText(topic: HelpTopic, lang: Language): string {
  const table = { main: MAIN, check: CHECK, products: PRODUCTS, domains: DOMAINS, verify: VERIFY }[topic];
  return table[lang];
}
