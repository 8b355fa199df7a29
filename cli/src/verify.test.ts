/**
 * `xinjian verify`: a record written by `xinjian check` verifies untouched and fails once edited,
 * even with its digest recomputed; keys from --keys, the configured API or the demo bundle.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoJwks, type RunningMockServer, startMockServer } from '@xinjian/mock-server';
import { canonicalDigest, type EvidenceFile, signingKeyFromSeed } from '@xinjian/sdk/evidence';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CUTOFF, enterpriseByTag, SEED_AS_OF } from '../../seeds/index.ts';
import { EXIT } from './exit-codes.ts';
import { type CliIO, runCli } from './run.ts';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function cli(args: string[], env: Record<string, string> = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: { write: (c: string) => (stdout += c) },
    stderr: { write: (c: string) => (stderr += c) },
    env,
    cwd: dir,
  };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}

const uscc = (tag: string): string => enterpriseByTag(tag).subject.uscc;

let dir: string;
let saved: EvidenceFile;
let mock: RunningMockServer;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'xinjian-verify-'));
  mock = await startMockServer({ port: 0, reportDelayMs: 0 });
  await writeFile(
    join(dir, 'bidders.csv'),
    `投标人名称,统一社会信用代码\r\n甲,${uscc('edge:clean')}\r\n乙,${uscc('edge:dishonest-active')}\r\n`,
  );
  const run = await cli([
    'check',
    '--csv',
    'bidders.csv',
    '--cutoff',
    DEMO_CUTOFF,
    '--as-of',
    SEED_AS_OF,
    '-q',
  ]);
  expect(run.code).toBe(EXIT.FAIL);
  saved = JSON.parse(await readFile(join(dir, 'bidders.evidence.json'), 'utf8')) as EvidenceFile;
}, 60_000);
afterAll(async () => {
  await mock.close();
  await rm(dir, { recursive: true, force: true });
});

async function write(name: string, file: EvidenceFile, reseal = true): Promise<string> {
  const out = reseal
    ? { ...file, digest: { ...file.digest, value: await canonicalDigest(file.record) } }
    : file;
  await writeFile(join(dir, name), JSON.stringify(out, null, 2));
  return name;
}

describe('xinjian verify', { timeout: 60_000 }, () => {
  it('passes the record xinjian check wrote, with the demo keys, and says what it checked', async () => {
    const run = await cli(['verify', 'bidders.evidence.json']);
    expect(run.stderr).toContain('内置演示公钥');
    expect(saved.record.subjects.map((s) => [s.key, s.roleLabel])).toEqual([
      ['r1', '投标人'],
      ['r2', '投标人'],
    ]);
    expect(run.stdout).toMatch(/^✔ 核验通过：摘要一致，2 个签名有效（密钥 xj-mock-2026-1），2\/2 个主体/);
    expect(run.code).toBe(EXIT.OK);
  });

  it('fails a record whose verdicts were edited and its digest recomputed, naming the subject and field', async () => {
    const edited = structuredClone(saved);
    const failing = edited.record.subjects.find((s) => s.verdict === 'fail');
    const passing = edited.record.subjects.find((s) => s.verdict === 'pass');
    if (!failing || !passing) throw new Error('expected one passing and one failing bidder');
    failing.verdict = 'pass';
    failing.label = '通过';
    failing.findings = [];
    passing.verdict = 'fail';
    const run = await cli(['verify', await write('edited.json', edited)]);
    expect(run.code).toBe(EXIT.FAIL);
    expect(run.stdout).toContain('✖ 核验未通过：2 处不符');
    expect(run.stdout).toContain(`[subject_mismatch] 主体 ${failing.key}`);
    expect(run.stdout).toContain('verdict');
    expect(run.stdout).not.toContain('digest_mismatch');
    const en = await cli(['verify', 'edited.json', '--lang', 'en', '--json']);
    const json = JSON.parse(en.stdout) as { ok: boolean; problems: { code: string; subject: string }[] };
    expect(json.ok).toBe(false);
    expect(json.problems.map((p) => [p.code, p.subject])).toEqual(
      [
        ['subject_mismatch', passing.key],
        ['subject_mismatch', failing.key],
      ].sort((a, b) => String(a[1]).localeCompare(String(b[1]))),
    );
  });

  it('fails an edit that keeps the old digest, with digest_mismatch', async () => {
    const edited = structuredClone(saved);
    edited.record.operator = '某人';
    const run = await cli(['verify', await write('stale.json', edited, false), '--lang', 'en']);
    expect(run.code).toBe(EXIT.FAIL);
    expect(run.stdout).toContain('[digest_mismatch] digest mismatch');
  });

  it('uses --keys, and fails when the signing key is not in that set', async () => {
    await writeFile(join(dir, 'jwks.json'), JSON.stringify(await demoJwks()));
    expect((await cli(['verify', 'bidders.evidence.json', '--keys', 'jwks.json'])).code).toBe(EXIT.OK);
    const other = await signingKeyFromSeed(new Uint8Array(32).fill(5), 'someone-else');
    await writeFile(join(dir, 'other.json'), JSON.stringify({ keys: [other.publicJwk] }));
    const run = await cli(['verify', 'bidders.evidence.json', '--keys', 'other.json']);
    expect(run.code).toBe(EXIT.FAIL);
    expect(run.stdout).toContain('[unknown_kid]');
    await writeFile(join(dir, 'bad-keys.json'), '{"keys":[{"kty":"RSA"}]}');
    expect((await cli(['verify', 'bidders.evidence.json', '--keys', 'bad-keys.json'])).code).toBe(EXIT.DATA);
  });

  it('fetches the keys of the configured API, and never the address written in the record', async () => {
    const pointed = structuredClone(saved);
    pointed.record.verification.keys = 'https://forger.example/jwks.json';
    const name = await write('pointed.json', pointed);
    const run = await cli(['verify', name], { XINJIAN_BASE_URL: mock.url });
    expect(run.stderr).toContain(`公钥：${mock.url}/.well-known/jwks.json`);
    expect(run.code).toBe(EXIT.OK);
    const remote = await cli(['verify', name], { XINJIAN_BASE_URL: 'http://api.example.cn' });
    expect(remote.code).toBe(EXIT.CONFIG);
    expect(remote.stderr).toContain('refusing plain http://');
    const down = await cli(['verify', name], { XINJIAN_BASE_URL: 'http://127.0.0.1:9' });
    expect(down.code).toBe(EXIT.UNAVAILABLE);
    expect(down.stderr).toContain('--keys');
  });

  it('says what is wrong with a file that is not a record (65), a missing file (66) and bad usage (64)', async () => {
    await writeFile(join(dir, 'old.json'), JSON.stringify({ format: 'xinjian-evidence/1', integrity: {} }));
    const old = await cli(['verify', 'old.json']);
    expect(old.code).toBe(EXIT.DATA);
    expect(old.stdout).toContain('[schema_invalid]');
    expect((await cli(['verify', 'nope.json'])).code).toBe(EXIT.NO_INPUT);
    expect((await cli(['verify'])).code).toBe(EXIT.USAGE);
    const help = await cli(['verify', '--help', '--lang', 'en']);
    expect(help.stdout).toContain('65  the file is not a valid evidence record');
  });
});

describe('exports carry no bidi or zero-width controls', { timeout: 60_000 }, () => {
  it('strips them from the terminal table, --json, the result CSV and the evidence file', async () => {
    const tricky = '甲\u202e乙\u200b建设\u2066公司';
    await writeFile(
      join(dir, 'bidi.csv'),
      `投标人名称,统一社会信用代码,备注\r\n${tricky},,\u202e=1+1\r\n乙,${uscc('edge:clean')},\r\n`,
    );
    const table = await cli(['check', '--csv', 'bidi.csv', '-q']);
    const json = await cli(['check', tricky, '--json']);
    const csv = await readFile(join(dir, 'bidi.result.csv'), 'utf8');
    const evidence = await readFile(join(dir, 'bidi.evidence.json'), 'utf8');
    const invisible = /[\u202a-\u202e\u2066-\u2069\u200b-\u200f]/;
    for (const [what, text] of [
      ['table', table.stdout],
      ['json', json.stdout],
      ['csv', csv],
      ['evidence', evidence],
    ] as const) {
      expect(invisible.test(text), what).toBe(false);
    }
    expect(table.stdout).toContain('甲乙建设公司');
    expect(csv).toContain("'=1+1");
  });
});
