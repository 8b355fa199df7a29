/**
 * The commands: `check` (one by one or a bidder list), `products` and `domains`, and the
 * mapping of every failure to a message and a documented exit code.
 */
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import {
  type ClientHooks,
  DomainId,
  ENTERPRISE_RULE_SETS,
  type LocalizedText,
  maskIdCard,
  type Product,
  type RetryEvent,
  RULE_SETS,
  SubjectType,
} from '@xinjian/sdk';
import pkg from '../package.json' with { type: 'json' };
import { AccessDeniedError, type CheckTarget, type RowCheck, runChecks, toFailure } from './check.ts';
import {
  CHECK_OPTIONS,
  CliError,
  type CliIO,
  DOMAINS_OPTIONS,
  dateOption,
  langOf,
  PRODUCTS_OPTIONS,
  parse,
  usage,
} from './common.ts';
import { ConfigError, type Connection, connect } from './connect.ts';
import {
  type BidderColumns,
  type BidderRow,
  decodeText,
  detectColumns,
  encodeCsvForExcel,
  HEADER_ALIASES,
  MissingColumnsError,
  parseCsv,
  readBidders,
} from './csv.ts';
import { buildEvidence } from './evidence.ts';
import { asExcelText } from './excel.ts';
import { EXIT, type ExitCode, exitCodeFor } from './exit-codes.ts';
import { helpText } from './help.ts';
import { classifyInput } from './identify.ts';
import {
  DOMAIN_LABELS,
  type Language,
  OUTCOME_LABELS,
  type Outcome,
  paren,
  SCALE_LABELS,
  tr,
} from './labels.ts';
import { createProgress } from './progress.ts';
import { HEADERS, matchColumns, renderResultTable, resultColumns, toJsonRow } from './render.ts';
import { renderSummary, SUMMARY_ABOVE_ROWS } from './summary.ts';
import { renderTable } from './table.ts';
import { chinaDateTime, todayInChina } from './time.ts';
import { verifyCommand } from './verify.ts';

/**
 * Runs one command and returns its exit code; every failure is reported on stderr.
 *
 * @example
 * ```ts
 * process.exitCode = await runCommand('domains', ['--json'], io, 'zh');
 * ```
 */
export async function runCommand(
  command: 'check' | 'products' | 'domains' | 'verify',
  args: string[],
  io: CliIO,
  lang: Language,
): Promise<ExitCode> {
  try {
    if (command === 'check') return await checkCommand(args, io);
    if (command === 'products') return await productsCommand(args, io);
    if (command === 'verify') return await verifyCommand(args, io);
    return await domainsCommand(args, io);
  } catch (e) {
    return report(e, io, lang);
  }
}

function report(e: unknown, io: CliIO, lang: Language): ExitCode {
  if (e instanceof CliError) {
    io.stderr.write(`xinjian: ${tr(lang, e.text)}\n`);
    if (e.hint !== null) {
      const cmd = e.hint === 'main' ? 'xinjian --help' : `xinjian ${e.hint} --help`;
      io.stderr.write(tr(lang, { zh: `用法见 ${cmd}\n`, en: `see ${cmd}\n` }));
    }
    return e.exitCode;
  }
  if (e instanceof AccessDeniedError) {
    const f = e.failure;
    const ref = [f.status === null ? null : `HTTP ${f.status}`, f.code, f.requestId]
      .filter((x) => x !== null)
      .join(' · ');
    io.stderr.write(`xinjian: ${tr(lang, f.text)}${paren(lang, ref)}\n`);
    io.stderr.write(
      tr(lang, {
        zh: '请检查 XINJIAN_API_KEY 及账户权限和额度。\n',
        en: 'Check XINJIAN_API_KEY and the account’s entitlements and credits.\n',
      }),
    );
    return EXIT.AUTH;
  }
  if (e instanceof ConfigError) {
    io.stderr.write(
      `xinjian: ${tr(lang, { zh: `配置错误：${e.message}`, en: `configuration error: ${e.message}` })}\n`,
    );
    return EXIT.CONFIG;
  }
  // Catalog calls throw SDK errors directly (check rows never do).
  const f = toFailure(e);
  if (f.name !== 'Error' && f.text.en !== 'An unexpected error occurred.') {
    const ref = [f.status === null ? null : `HTTP ${f.status}`, f.code, f.requestId]
      .filter((x) => x !== null)
      .join(' · ');
    io.stderr.write(`xinjian: ${tr(lang, f.text)}${paren(lang, ref)}\n`);
    const denied = [
      'AuthenticationError',
      'PermissionDeniedError',
      'PaymentRequiredError',
      'InsufficientCreditsError',
    ];
    return denied.includes(f.name) ? EXIT.AUTH : EXIT.UNAVAILABLE;
  }
  io.stderr.write(
    `xinjian: ${tr(lang, { zh: '内部错误', en: 'internal error' })}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
  );
  return EXIT.SOFTWARE;
}

async function withConnection<T>(
  io: CliIO,
  lang: Language,
  demo: boolean,
  hooks: ClientHooks,
  fn: (conn: Connection) => Promise<T>,
): Promise<T> {
  let conn: Connection;
  try {
    conn = await connect(io.env, { demo, hooks });
  } catch (e) {
    if (e instanceof ConfigError) throw e;
    throw new ConfigError(
      `embedded demo data unavailable (${e instanceof Error ? e.message : String(e)}); set XINJIAN_BASE_URL and XINJIAN_API_KEY`,
    );
  }
  if (conn.demo) {
    io.stderr.write(
      tr(lang, {
        zh: `使用内置演示数据 / using embedded demo data（${conn.baseUrl}）\n`,
        en: `using embedded demo data / 使用内置演示数据 (${conn.baseUrl})\n`,
      }),
    );
  }
  try {
    return await fn(conn);
  } finally {
    await conn.close();
  }
}

// ---------------------------------------------------------------------------------------------
// check

interface LoadedList {
  path: string;
  bytes: Uint8Array;
  encoding: string;
  rows: string[][];
  columns: BidderColumns;
  bidders: BidderRow[];
}

async function loadList(path: string): Promise<LoadedList> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      throw new CliError(EXIT.NO_INPUT, { zh: `找不到文件：${path}`, en: `no such file: ${path}` });
    }
    if (code === 'EISDIR') {
      throw new CliError(EXIT.NO_INPUT, {
        zh: `这是目录，不是文件：${path}`,
        en: `is a directory, not a file: ${path}`,
      });
    }
    throw new CliError(EXIT.NO_INPUT, {
      zh: `无法读取文件：${path}（${code ?? String(e)}）`,
      en: `cannot read file: ${path} (${code ?? String(e)})`,
    });
  }
  const { text, encoding } = decodeText(bytes);
  const rows = parseCsv(text);
  if (rows.length === 0) {
    throw new CliError(EXIT.DATA, { zh: `文件为空：${path}`, en: `the file is empty: ${path}` });
  }
  let columns: BidderColumns;
  try {
    columns = detectColumns(rows);
  } catch (e) {
    if (!(e instanceof MissingColumnsError)) throw e;
    const found = e.found.length > 0 ? e.found.join('、') : '（无）';
    throw new CliError(EXIT.DATA, {
      zh: `${path} 中找不到投标人名称或代码列。\n  找到的表头：${found}\n  可用的名称表头：${HEADER_ALIASES.name.join('、')}\n  可用的代码表头：${HEADER_ALIASES.code.join('、')}`,
      en: `${path} has no bidder name or code column.\n  headers found: ${e.found.join(', ') || '(none)'}\n  accepted name headers: ${HEADER_ALIASES.name.join(', ')}\n  accepted code headers: ${HEADER_ALIASES.code.join(', ')}`,
    });
  }
  const bidders = readBidders(rows, columns);
  if (bidders.length === 0) {
    throw new CliError(EXIT.DATA, {
      zh: `${path} 只有表头，没有投标人`,
      en: `${path} has a header but no bidders`,
    });
  }
  return { path, bytes, encoding, rows, columns, bidders };
}

function targetOfArg(arg: string): CheckTarget {
  const parts = arg
    .split(/[;；]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (parts.length > 1) return { label: arg, name: null, code: null, members: parts };
  const value = arg.trim();
  return classifyInput(value).kind === 'name'
    ? { label: value, name: value, code: null, members: [] }
    : { label: value, name: null, code: value, members: [] };
}

function defaultOutput(input: string, suffix: string): string {
  const ext = extname(input);
  return join(dirname(input), `${basename(input, ext)}${suffix}`);
}

async function writeOutput(path: string, data: Uint8Array | string): Promise<void> {
  try {
    await writeFile(path, data);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    throw new CliError(EXIT.CANT_CREATE, {
      zh: `无法写入 ${path}（${code}）`,
      en: `cannot write ${path} (${code})`,
    });
  }
}

function summaryLine(lang: Language, rows: readonly RowCheck[]): string {
  const counts = new Map<Outcome, number>();
  for (const r of rows) counts.set(r.outcome, (counts.get(r.outcome) ?? 0) + 1);
  const parts = (Object.keys(OUTCOME_LABELS) as Outcome[])
    .filter((o) => counts.has(o))
    .map((o) => `${OUTCOME_LABELS[o].icon} ${tr(lang, OUTCOME_LABELS[o])} ${counts.get(o)}`);
  return tr(lang, {
    zh: `共 ${rows.length} 个：${parts.join('，')}\n`,
    en: `${rows.length} checked: ${parts.join(', ')}\n`,
  });
}

// `list.result.csv` → `list.result.partial.csv`.
function partialPath(path: string): string {
  const ext = extname(path);
  return join(dirname(path), `${basename(path, ext)}.partial${ext}`);
}

async function checkCommand(args: string[], io: CliIO): Promise<ExitCode> {
  const { values, positionals } = parse(args, CHECK_OPTIONS, 'check');
  const lang = langOf(values.lang);
  if (values.help) {
    io.stdout.write(helpText('check', lang));
    return EXIT.OK;
  }
  const mode = ENTERPRISE_RULE_SETS.find((id) => id === (values.mode ?? 'procurement'));
  if (mode === undefined) {
    const modes = ENTERPRISE_RULE_SETS.map((id) => `${id}（${RULE_SETS[id].label.zh}）`).join('、');
    throw usage(
      {
        zh: `--mode 只能是 ${modes}，收到 "${values.mode}"`,
        en: `--mode must be one of ${ENTERPRISE_RULE_SETS.join(', ')}, got "${values.mode}"`,
      },
      'check',
    );
  }
  const cutoffArg = dateOption('cutoff', values.cutoff);
  const asOfArg = dateOption('as-of', values['as-of']);
  if (values.csv === undefined && positionals.length === 0) {
    throw usage(
      {
        zh: '请给出要查询的代码或名称，或用 --csv 指定名单',
        en: 'give codes or names to check, or --csv <file>',
      },
      'check',
    );
  }
  if (values.csv !== undefined && positionals.length > 0) {
    throw usage(
      {
        zh: '--csv 与命令行中的代码或名称不能同时使用',
        en: '--csv cannot be combined with codes or names on the command line',
      },
      'check',
    );
  }
  if (values.csv === undefined && (values.out !== undefined || values.evidence !== undefined)) {
    throw usage(
      { zh: '--out 和 --evidence 需与 --csv 一起使用', en: '--out and --evidence need --csv' },
      'check',
    );
  }

  const list = values.csv === undefined ? null : await loadList(resolve(io.cwd, values.csv));
  const outPath =
    list === null
      ? null
      : values.out === undefined
        ? defaultOutput(list.path, '.result.csv')
        : resolve(io.cwd, values.out);
  const evidencePath =
    list === null
      ? null
      : values.evidence === undefined
        ? defaultOutput(list.path, '.evidence.json')
        : resolve(io.cwd, values.evidence);
  if (list !== null && new Set([list.path, outPath, evidencePath]).size < 3) {
    throw usage(
      {
        zh: '结果表、证据文件和名单必须是三个不同的文件',
        en: 'the result CSV, the evidence file and the input list must be three different files',
      },
      'check',
    );
  }
  const targets: CheckTarget[] =
    list === null
      ? positionals.map(targetOfArg)
      : list.bidders.map((b) => ({
          label: b.name ?? b.code ?? b.members.join(';'),
          name: b.name,
          code: b.code,
          members: b.members,
        }));

  const progress = createProgress({
    write: (chunk) => io.stderr.write(chunk),
    tty: io.stderr.isTTY === true,
    lang,
    total: targets.length,
    // A silent wait looks like a hang: rate-limit notices are written even with --quiet.
    quiet: list === null || values.quiet === true,
  });
  const hooks = { onRetry: (event: RetryEvent) => progress.retry(event) };
  return withConnection(io, lang, values.demo ?? false, hooks, async (conn) => {
    const today = todayInChina();
    const cutoff = cutoffArg ?? conn.defaults.cutoff ?? today;
    const asOf = asOfArg ?? conn.defaults.asOf ?? today;
    const rows = await runChecks(conn.client, targets, {
      mode,
      asOf,
      cutoff,
      onProgress: (done) => progress.update(done),
      ...(io.signal ? { signal: io.signal } : {}),
    });
    progress.end();
    const interrupted = rows.filter((r) => r.outcome === 'interrupted').length;
    if (interrupted > 0) {
      io.stderr.write(
        tr(lang, {
          zh: `已中断：${rows.length - interrupted}/${rows.length} 行已核查，其余标记为"未核查（已中断）"
`,
          en: `interrupted: ${rows.length - interrupted} of ${rows.length} rows checked; the rest are marked "not checked (interrupted)"
`,
        }),
      );
    }

    if (values.json) {
      io.stdout.write(`${JSON.stringify(rows.map(toJsonRow), null, 2)}\n`);
    } else {
      io.stdout.write(
        tr(lang, {
          zh: `规则：${RULE_SETS[mode].label.zh} · 截止时点 ${cutoff} · 数据基准日 ${asOf}\n`,
          en: `Rules: ${mode} · cut-off ${cutoff} · as of ${asOf}\n`,
        }),
      );
      const width = io.stdout.isTTY ? io.stdout.columns : undefined;
      io.stdout.write(
        values.all === true || rows.length <= SUMMARY_ABOVE_ROWS
          ? renderResultTable(lang, rows, width) + summaryLine(lang, rows)
          : renderSummary(lang, rows, width),
      );
    }

    if (list !== null && outPath !== null && evidencePath !== null) {
      // A partial result never takes the name of a complete one.
      const resultPath = interrupted > 0 ? partialPath(outPath) : outPath;
      const recordPath = interrupted > 0 ? partialPath(evidencePath) : evidencePath;
      const headers = [
        ...list.columns.headers,
        ...[
          HEADERS.grades,
          HEADERS.tax,
          HEADERS.verdict,
          HEADERS.reasons,
          HEADERS.queriedAt,
          HEADERS.matchedCode,
          HEADERS.confidence,
          HEADERS.cutoff,
          HEADERS.ruleSet,
        ].map((h) => tr(lang, h)),
      ];
      const codeColumns = new Set(list.columns.codes);
      const csvRows = list.bidders.map((b, i) => {
        const row = rows[i];
        // The list's own codes go back as text, so opening the result cannot damage them; an ID
        // number in any cell (a legal representative's, say) goes back masked.
        const cells = b.cells.map((c, j) =>
          codeColumns.has(j) ? asExcelText(maskPersonalIds(c)) : maskPersonalIds(c),
        );
        return [
          ...cells,
          ...(row === undefined ? [] : [...resultColumns(lang, row), ...matchColumns(lang, row, cutoff)]),
        ];
      });
      await writeOutput(resultPath, encodeCsvForExcel([headers, ...csvRows]));
      const evidence = await buildEvidence(
        {
          generatedAt: chinaDateTime(),
          tool: { name: 'xinjian', version: pkg.version },
          api: { baseUrl: conn.baseUrl, demo: conn.demo },
          mode,
          language: lang === 'en' ? 'en' : 'zh-CN',
          asOf,
          cutoff,
          cutoffSource: cutoffArg !== undefined ? 'option' : conn.defaults.cutoff ? 'demo' : 'today',
          operator: values.operator ?? null,
          input: {
            file: basename(list.path),
            sha256: createHash('sha256').update(list.bytes).digest('hex'),
            encoding: list.encoding,
            headers: list.columns.headers,
            rows: list.bidders.length,
          },
          ...(interrupted > 0
            ? {
                partial: { checkedRows: rows.length - interrupted, totalRows: rows.length },
              }
            : {}),
        },
        rows,
      );
      await writeOutput(recordPath, `${JSON.stringify(evidence, null, 2)}\n`);
      io.stderr.write(
        tr(lang, {
          zh: `${interrupted > 0 ? '部分' : ''}结果表：${resultPath}\n${interrupted > 0 ? '部分' : ''}证据文件：${recordPath}（SHA-256 ${evidence.digest.value}）\n`,
          en: `${interrupted > 0 ? 'partial ' : ''}result CSV: ${resultPath}\n${interrupted > 0 ? 'partial ' : ''}evidence: ${recordPath} (SHA-256 ${evidence.digest.value})\n`,
        }),
      );
    }
    return exitCodeFor(rows.map((r) => r.outcome));
  });
}

// ---------------------------------------------------------------------------------------------
// products, domains

async function allProducts(
  conn: Connection,
  params: { domain?: DomainId; subjectType?: SubjectType } = {},
): Promise<Product[]> {
  const out: Product[] = [];
  for await (const p of conn.client.products.list(params)) out.push(p);
  return out;
}

const FREQUENCY: Record<Product['freshness']['updateFrequency'], LocalizedText> = {
  realtime: { zh: '实时', en: 'real-time' },
  daily: { zh: '每日', en: 'daily' },
  weekly: { zh: '每周', en: 'weekly' },
  monthly: { zh: '每月', en: 'monthly' },
  annual: { zh: '每年', en: 'annual' },
};

async function productsCommand(args: string[], io: CliIO): Promise<ExitCode> {
  const { values, positionals } = parse(args, PRODUCTS_OPTIONS, 'products');
  const lang = langOf(values.lang);
  if (values.help) {
    io.stdout.write(helpText('products', lang));
    return EXIT.OK;
  }
  if (positionals.length > 0) {
    throw usage(
      { zh: `多余的参数：${positionals.join(' ')}`, en: `unexpected arguments: ${positionals.join(' ')}` },
      'products',
    );
  }
  const domain = values.domain === undefined ? undefined : DomainId.safeParse(values.domain);
  if (domain !== undefined && !domain.success) {
    throw usage(
      {
        zh: `--domain 应为 ${DomainId.options.join('、')} 之一，收到 "${values.domain}"`,
        en: `--domain must be one of ${DomainId.options.join(', ')}, got "${values.domain}"`,
      },
      'products',
    );
  }
  const subjectType =
    values['subject-type'] === undefined ? undefined : SubjectType.safeParse(values['subject-type']);
  if (subjectType !== undefined && !subjectType.success) {
    throw usage(
      {
        zh: `--subject-type 应为 enterprise 或 individual，收到 "${values['subject-type']}"`,
        en: `--subject-type must be enterprise or individual, got "${values['subject-type']}"`,
      },
      'products',
    );
  }
  return withConnection(io, lang, values.demo ?? false, {}, async (conn) => {
    const products = await allProducts(conn, {
      ...(domain?.success ? { domain: domain.data } : {}),
      ...(subjectType?.success ? { subjectType: subjectType.data } : {}),
    });
    if (values.json) {
      io.stdout.write(`${JSON.stringify(products, null, 2)}\n`);
      return EXIT.OK;
    }
    const subjectWord = (t: SubjectType): string =>
      tr(lang, t === 'enterprise' ? { zh: '企业', en: 'enterprise' } : { zh: '个人', en: 'individual' });
    const headers = [
      { zh: '产品', en: 'Product' },
      { zh: '提供方', en: 'Provider' },
      { zh: '主体', en: 'Subject' },
      { zh: '评级体系', en: 'Scales' },
      { zh: '价格', en: 'Price' },
      { zh: '更新', en: 'Updates' },
      { zh: '适用领域', en: 'Domains' },
    ].map((h) => tr(lang, h));
    const body = products.map((p) => [
      [tr(lang, p.name), p.id],
      [tr(lang, p.provider.name), ...(p.provider.filingNo ? [p.provider.filingNo] : [])],
      [
        subjectWord(p.subjectType),
        ...(p.requiresAuthorization ? [tr(lang, { zh: '需书面授权', en: 'written consent' })] : []),
      ],
      p.ratingScales.length > 0 ? p.ratingScales.map((s) => tr(lang, SCALE_LABELS[s])) : ['—'],
      tr(lang, { zh: `${p.priceCredits} 点`, en: `${p.priceCredits} credits` }),
      tr(lang, FREQUENCY[p.freshness.updateFrequency]),
      p.domains.map((d) => tr(lang, DOMAIN_LABELS[d])),
    ]);
    io.stdout.write(
      renderTable(
        headers,
        body,
        io.stdout.isTTY && io.stdout.columns ? { maxWidth: io.stdout.columns, wrap: [0, 1] } : {},
      ),
    );
    io.stdout.write(tr(lang, { zh: `共 ${products.length} 个产品\n`, en: `${products.length} products\n` }));
    return EXIT.OK;
  });
}

async function domainsCommand(args: string[], io: CliIO): Promise<ExitCode> {
  const { values, positionals } = parse(args, DOMAINS_OPTIONS, 'domains');
  const lang = langOf(values.lang);
  if (values.help) {
    io.stdout.write(helpText('domains', lang));
    return EXIT.OK;
  }
  if (positionals.length > 0) {
    throw usage(
      { zh: `多余的参数：${positionals.join(' ')}`, en: `unexpected arguments: ${positionals.join(' ')}` },
      'domains',
    );
  }
  return withConnection(io, lang, values.demo ?? false, {}, async (conn) => {
    const [{ data: domains }, products] = await Promise.all([conn.client.domains.list(), allProducts(conn)]);
    if (values.json) {
      io.stdout.write(`${JSON.stringify(domains, null, 2)}\n`);
      return EXIT.OK;
    }
    const names = new Map(products.map((p) => [p.id, tr(lang, p.name)]));
    const productLines = (ids: readonly string[]): string[] =>
      ids.length === 0 ? ['—'] : ids.map((id) => (names.has(id) ? `${names.get(id)}（${id}）` : id));
    const headers = [
      { zh: '领域', en: 'Domain' },
      { zh: '必需产品', en: 'Required products' },
      { zh: '推荐产品', en: 'Recommended products' },
      { zh: '政策依据', en: 'Policy basis' },
    ].map((h) => tr(lang, h));
    const body = domains.map((d) => [
      [tr(lang, d.name), d.id],
      productLines(d.requiredProducts),
      productLines(d.recommendedProducts),
      d.policyBasis.map((b) => `${b.documentNo}${b.article ? ` ${b.article}` : ''} ${b.title}`),
    ]);
    io.stdout.write(
      renderTable(
        headers,
        body,
        io.stdout.isTTY && io.stdout.columns ? { maxWidth: io.stdout.columns, wrap: [1, 2, 3] } : {},
      ),
    );
    io.stdout.write(tr(lang, { zh: `共 ${domains.length} 个领域\n`, en: `${domains.length} domains\n` }));
    return EXIT.OK;
  });
}

// The ID numbers among a cell's parts (split as the list splits codes) masked; the rest as given.
function maskPersonalIds(cell: string): string {
  return cell
    .split(/([;；,，、\s]+)/)
    .map((part) => (classifyInput(part).kind === 'personal_id' ? maskIdCard(part) : part))
    .join('');
}
