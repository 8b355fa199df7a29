/**
 * `xinjian verify FILE`: checks a saved evidence file offline against the credit service's
 * published keys and says which part fails. The keys come from `--keys FILE` (a JWKS saved with
 * the evidence), else from the configured API (`XINJIAN_BASE_URL`), else, with nothing
 * configured or with `--demo`, from the demo keys bundled with the mock server. The keys address
 * written inside the record is never used: a forger would point it at keys of their own.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { checkBaseUrl } from '@xinjian/sdk';
import { formatVerification, JWKS_PATH, Jwks, verifyEvidence } from '@xinjian/sdk/evidence';
import { CliError, type CliIO, langOf, parse, usage, VERIFY_OPTIONS } from './common.ts';
import { ConfigError } from './connect.ts';
import { EXIT, type ExitCode } from './exit-codes.ts';
import { helpText } from './help.ts';
import { type Language, tr } from './labels.ts';

async function readText(path: string, what: { zh: string; en: string }): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    throw new CliError(EXIT.NO_INPUT, {
      zh: `无法读取${what.zh}：${path}（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}）`,
      en: `cannot read the ${what.en}: ${path} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
    });
  }
}

function parseJwks(text: string, from: string): Jwks {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new CliError(EXIT.DATA, { zh: `公钥集不是 JSON：${from}`, en: `the key set is not JSON: ${from}` });
  }
  const parsed = Jwks.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : '';
    throw new CliError(EXIT.DATA, {
      zh: `公钥集无效（应为含 Ed25519 OKP 密钥的 JWKS）：${from}：${where}`,
      en: `not a valid key set (expected a JWKS of Ed25519 OKP keys): ${from}: ${where}`,
    });
  }
  return parsed.data;
}

async function keysFor(
  io: CliIO,
  lang: Language,
  values: { keys?: string | undefined; demo?: boolean | undefined },
): Promise<Jwks> {
  if (values.keys !== undefined) {
    const path = resolve(io.cwd, values.keys);
    return parseJwks(await readText(path, { zh: '公钥文件', en: 'key file' }), path);
  }
  const name = io.env.XINJIAN_BASE_URL?.trim() ? 'XINJIAN_BASE_URL' : 'XINJIAN_API_URL';
  const base = io.env[name]?.trim() ?? '';
  if (values.demo !== true && base !== '') {
    const checked = checkBaseUrl(base);
    if (!checked.ok) throw new ConfigError(`${name}: ${checked.reason.en}`);
    const url = new URL(JWKS_PATH, checked.url).href;
    let text: string;
    try {
      const res = await fetch(url, { headers: { accept: 'application/json' } });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      text = await res.text();
    } catch (e) {
      throw new CliError(EXIT.UNAVAILABLE, {
        zh: `无法获取信用服务的公钥 ${url}：${(e as Error).message}；可用 --keys 指定保存的 JWKS 文件离线核验`,
        en: `cannot fetch the credit service's keys from ${url}: ${(e as Error).message}; pass --keys with a saved JWKS to verify offline`,
      });
    }
    io.stderr.write(tr(lang, { zh: `公钥：${url}\n`, en: `keys: ${url}\n` }));
    return parseJwks(text, url);
  }
  const { demoJwks } = await import('@xinjian/mock-server');
  io.stderr.write(
    tr(lang, {
      zh: '使用内置演示公钥（仅能核验演示数据生成的记录）\n',
      en: 'using the bundled demo keys (they verify only records made from the demo data)\n',
    }),
  );
  return demoJwks();
}

/**
 * Runs `xinjian verify`. Exit 0: every check passed; 1: the record fails a check (changed, or a
 * signature that does not verify); 65: the file (or `--keys`) is not what it should be; 66: a
 * file cannot be read; 69: the keys cannot be fetched; 64: usage.
 *
 * @example
 * ```ts
 * const code = await verifyCommand(['bidders.evidence.json', '--keys', 'jwks.json'], io);
 * ```
 */
export async function verifyCommand(args: string[], io: CliIO): Promise<ExitCode> {
  const { values, positionals } = parse(args, VERIFY_OPTIONS, 'verify');
  const lang = langOf(values.lang);
  if (values.help) {
    io.stdout.write(helpText('verify', lang));
    return EXIT.OK;
  }
  if (positionals.length !== 1) {
    throw usage(
      {
        zh: '请给出一个证据文件：xinjian verify <文件>',
        en: 'give one evidence file: xinjian verify <file>',
      },
      'verify',
    );
  }
  const path = resolve(io.cwd, positionals[0] as string);
  const text = await readText(path, { zh: '证据文件', en: 'evidence file' });
  const jwks = await keysFor(io, lang, values);
  const result = await verifyEvidence(text, jwks);
  if (values.json) io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else io.stdout.write(`${formatVerification(result, lang).join('\n')}\n`);
  if (result.ok) return EXIT.OK;
  if (result.problems.some((p) => p.code === 'not_json' || p.code === 'schema_invalid')) return EXIT.DATA;
  if (result.problems.every((p) => p.code === 'unsupported_runtime')) return EXIT.SOFTWARE;
  return EXIT.FAIL;
}
