/**
 * Every example runs as written against a real mock server: spawned with `node`, configured
 * only through XINJIAN_API_URL and XINJIAN_API_KEY, as a reader would run it.
 */
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
    env: { ...process.env, XINJIAN_API_URL: mock.url, XINJIAN_API_KEY: DEMO_API_KEY, NODE_NO_WARNINGS: '1' },
    timeout: 60_000,
  });
  return stdout;
}

/** Lines each example must print: what a reader is promised. */
const expected: Record<string, RegExp[]> = {
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

describe('README', () => {
  it('quotes its TypeScript snippets verbatim from the examples that run above', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const sources = examples.map((f) => readFileSync(`${dir}${f}`, 'utf8'));
    const snippets = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
    expect(snippets.length).toBeGreaterThanOrEqual(8);
    for (const snippet of snippets) {
      expect(
        sources.some((src) => src.includes(snippet)),
        snippet,
      ).toBe(true);
    }
  });
});
