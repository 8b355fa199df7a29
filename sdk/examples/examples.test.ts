/**
 * Every example runs as written against a real mock server: spawned with `node`, configured
 * only through XINJIAN_BASE_URL and XINJIAN_API_KEY, as a reader would run it.
 */
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seeds } from '../../seeds/index.ts';
import { isValidUscc } from '../src/identifiers/index.ts';
import { DEMO_API_KEY, type MockHarness, startHarness } from '../src/test-utils/mock-api.ts';

const run = promisify(execFile);
const dir = fileURLToPath(new URL('.', import.meta.url));
const examples = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));

let mock: MockHarness;
beforeAll(async () => {
  mock = await startHarness({ reportDelayMs: 300 });
});
afterAll(async () => {
  await mock.close();
});

async function runExample(file: string): Promise<string> {
  await mock.reset();
  const { stdout } = await run(process.execPath, ['--conditions=source', `${dir}${file}`], {
    cwd: fileURLToPath(new URL('../..', import.meta.url)),
    env: { ...process.env, XINJIAN_BASE_URL: mock.url, XINJIAN_API_KEY: DEMO_API_KEY, NODE_NO_WARNINGS: '1' },
    timeout: 60_000,
  });
  return stdout;
}

/** Lines each example must print: what a reader is promised. */
const expected: Record<string, RegExp[]> = {
  'procurement-check.ts': [/^北京市东城区澜丰信息技术有限公司: pass$/m],
  'quickstart.ts': [
    /^账户 account: 信鉴演示账户, credits \d+$/m,
    /^91110000561976492Q found: .+; black lists: none$/m,
    /^91220100MA871Q8132 found: .+; black lists: dishonest_judgment_debtor$/m,
    /^91110000600037341N invalid_identifier: expected check character L$/m,
    /^get: found, found$/m,
    /^products for government procurement: [1-9]\d*$/m,
  ],
  'order-report.ts': [
    /^report rpt_\d+ ready: .+, \d+ records$/m,
    /^refused: 查询个人信用报告须提供本人书面授权编号（《征信业管理条例》第十八条）。$/m,
    /^personal report rpt_\d+ ready for 330\*+7745$/m,
  ],
  'rules.ts': [
    /^procurement: fail$/m,
    /^ {2}list\.dishonest_judgment_debtor\.active: /m,
    /^housing fund loan: \w+$/m,
  ],
  'evidence.ts': [
    /^sealed [0-9a-f]{12}…, signed by xj-mock-2026-1$/m,
    /^verified: true$/m,
    /^edited verified: false$/m,
    /^ {2}subject_mismatch: 主体 s2（.+） 的 verdict 与签名结果不符/m,
  ],
  'errors.ts': [
    /^NotFoundError: 404 not_found: GET \/v1\/products\/no_such_product \(req_\w+\) 没有产品 no_such_product$/m,
    /^401 unauthorized: API 密钥无效或已吊销，请检查设置。$/m,
    /^rate limited, retry after \d+ ms$/m,
    /^guard on the copy: true; revived: true$/m,
  ],
};

describe('examples', () => {
  it('covers every example file', () => {
    expect(examples.sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(examples)('%s runs against the mock server', async (file) => {
    const stdout = await runExample(file);
    for (const line of expected[file] ?? []) expect(stdout).toMatch(line);
    // Examples talk to the API only through the configured URL.
    expect((await mock.journal()).length).toBeGreaterThan(0);
  });
});

// The READMEs show whole files, never excerpts: a reader can copy any snippet and run it.
describe.each([
  ['sdk/README.md', '../README.md', 5],
  ['README.md', '../../README.md', 1],
])('%s', (_name, path, atLeast) => {
  const readme = readFileSync(new URL(path, import.meta.url), 'utf8');
  const snippets = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');

  it('shows TypeScript only as whole example files that run above', () => {
    const sources = new Map(examples.map((f) => [readFileSync(`${dir}${f}`, 'utf8'), f]));
    expect(snippets.length).toBeGreaterThanOrEqual(atLeast);
    for (const snippet of snippets) expect(sources.has(snippet), snippet.slice(0, 300)).toBe(true);
  });

  it('uses codes that exist in the seed data', () => {
    const codes = new Set(seeds.enterprises.map((e) => e.subject.uscc));
    const quoted = [...readme.matchAll(/(?<![0-9A-Za-z])([0-9][0-9A-Z]{17})(?![0-9A-Za-z])/g)].map(
      (m) => m[1] ?? '',
    );
    for (const code of quoted.filter((c) => isValidUscc(c))) expect(codes.has(code), code).toBe(true);
  });
});

describe('sdk/README.md', () => {
  it('starts the quick start with the install line, then the quick-start file', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const quick = readme.slice(readme.indexOf('## Quick start'));
    expect(quick.split('\n').find((l) => l.trim() !== '' && !l.startsWith('#') && !l.startsWith('```'))).toBe(
      'npm i @xinjian/sdk',
    );
    expect(quick.indexOf(readFileSync(`${dir}quickstart.ts`, 'utf8'))).toBeGreaterThan(0);
  });
});

describe('Node requirements', () => {
  const json = (path: string) =>
    JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')) as { engines: { node: string } };
  const minimum = (range: string) => /^>=(\d+(?:\.\d+)?)$/.exec(range)?.[1];

  it('say in each README what each package.json engines says, for users and for contributors', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const sdk = minimum(json('../package.json').engines.node);
    const cli = minimum(json('../../cli/package.json').engines.node);
    const mock = minimum(json('../../mock-server/package.json').engines.node);
    const repo = minimum(json('../../package.json').engines.node);
    expect([sdk, cli, mock, repo].every((v) => v !== undefined)).toBe(true);
    expect(readme).toContain(`\`@xinjian/sdk\` Node.js ${sdk} or later`);
    expect(readme).toContain(`\`@xinjian/cli\` and \`@xinjian/mock-server\` Node.js ${cli} or later`);
    expect(cli).toBe(mock);
    expect(readme).toContain(`**Contributors** need Node.js ${repo} or newer`);
    const sdkReadme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    expect(sdkReadme).toContain(`**Node.js ${sdk} or later** (the package's \`engines\`)`);
    expect(readFileSync(new URL('../../cli/README.md', import.meta.url), 'utf8')).toContain(
      `Node ${cli} or later`,
    );
    expect(readFileSync(new URL('../../mock-server/README.md', import.meta.url), 'utf8')).toContain(
      `Node ${mock} or later`,
    );
    // No other Node claim: "Node 22+" and the like were how the READMEs drifted apart.
    for (const text of [readme, sdkReadme]) expect(text).not.toMatch(/Node(\.js)? \d+(\.\d+)?\+/);
  });
});
