/**
 * What every command shares: the IO it writes to, argument parsing, and the error that carries
 * a message and an exit code.
 */
import { type ParseArgsOptionsConfig, parseArgs } from 'node:util';
import { isIsoDate, type LocalizedText } from '@xinjian/sdk';
import { EXIT, type ExitCode } from './exit-codes.ts';
import type { HelpTopic } from './help.ts';
import type { Language } from './labels.ts';

/**
 * Where the CLI reads and writes: the real process in `main.ts`, anything alike in tests.
 *
 * @example
 * ```ts
 * const io: CliIO = { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() };
 * ```
 */
export interface CliIO {
  stdout: { write(chunk: string): unknown; isTTY?: boolean; columns?: number };
  stderr: { write(chunk: string): unknown; isTTY?: boolean };
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  /** Aborted on Ctrl-C (SIGINT): a check stops and writes what it has, marked partial. */
  signal?: AbortSignal;
}

/**
 * A failure with its message and exit code, caught once at the top. `hint` names the command
 * whose `--help` to point at.
 *
 * @example
 * ```ts
 * throw new CliError(EXIT.NO_INPUT, { zh: '找不到文件：a.csv', en: 'no such file: a.csv' });
 * ```
 */
export class CliError extends Error {
  readonly exitCode: ExitCode;
  readonly text: LocalizedText;
  readonly hint: HelpTopic | null;
  constructor(exitCode: ExitCode, text: LocalizedText, hint: HelpTopic | null = null) {
    super(text.en);
    this.name = 'CliError';
    this.exitCode = exitCode;
    this.text = text;
    this.hint = hint;
  }
}

/**
 * A usage error (exit 64) pointing at a command's help.
 *
 * @example
 * ```ts
 * throw usage({ zh: '缺少参数', en: 'missing argument' }, 'check');
 * ```
 */
export const usage = (text: LocalizedText, topic: HelpTopic = 'main'): CliError =>
  new CliError(EXIT.USAGE, text, topic);

/**
 * The language asked for, read before parsing so even a usage error is reported in it.
 *
 * @example
 * ```ts
 * sniffLang(['check', '--lang', 'en']); // 'en'
 * ```
 */
export function sniffLang(argv: readonly string[]): Language {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--lang' && argv[i + 1] === 'en') return 'en';
    if (a === '--lang=en') return 'en';
  }
  return 'zh';
}

/**
 * `parseArgs` options every command takes.
 *
 * @example
 * ```ts
 * parse(['--lang', 'en'], COMMON, 'main').values.lang; // 'en'
 * ```
 */
export const COMMON = {
  lang: { type: 'string' },
  demo: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/**
 * `parseArgs` options of `xinjian check`.
 *
 * @example
 * ```ts
 * parse(['--csv', 'a.csv', '-q'], CHECK_OPTIONS, 'check').values.quiet; // true
 * ```
 */
export const CHECK_OPTIONS = {
  ...COMMON,
  mode: { type: 'string' },
  cutoff: { type: 'string' },
  'as-of': { type: 'string' },
  json: { type: 'boolean' },
  csv: { type: 'string' },
  out: { type: 'string' },
  evidence: { type: 'string' },
  operator: { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  all: { type: 'boolean' },
} as const;

/**
 * `parseArgs` options of `xinjian verify`.
 *
 * @example
 * ```ts
 * parse(['e.json', '--keys', 'jwks.json'], VERIFY_OPTIONS, 'verify').values.keys; // 'jwks.json'
 * ```
 */
export const VERIFY_OPTIONS = {
  ...COMMON,
  keys: { type: 'string' },
  json: { type: 'boolean' },
} as const;

/**
 * `parseArgs` options of `xinjian products`.
 *
 * @example
 * ```ts
 * parse(['--domain', 'tendering'], PRODUCTS_OPTIONS, 'products').values.domain; // 'tendering'
 * ```
 */
export const PRODUCTS_OPTIONS = {
  ...COMMON,
  json: { type: 'boolean' },
  domain: { type: 'string' },
  'subject-type': { type: 'string' },
} as const;

/**
 * `parseArgs` options of `xinjian domains`.
 *
 * @example
 * ```ts
 * parse(['--json'], DOMAINS_OPTIONS, 'domains').values.json; // true
 * ```
 */
export const DOMAINS_OPTIONS = { ...COMMON, json: { type: 'boolean' } } as const;

/**
 * `parseArgs` with positionals, strict, and its errors turned into usage errors.
 *
 * @example
 * ```ts
 * const { values, positionals } = parse(['a', '--json'], DOMAINS_OPTIONS, 'domains');
 * ```
 */
export function parse<const O extends ParseArgsOptionsConfig>(args: string[], options: O, topic: HelpTopic) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    throw usage({ zh: `参数错误：${message}`, en: `bad arguments: ${message}` }, topic);
  }
}

/**
 * Validates `--lang`.
 *
 * @example
 * ```ts
 * langOf(undefined); // 'zh'
 * ```
 */
export function langOf(value: string | undefined): Language {
  if (value === undefined || value === 'zh') return 'zh';
  if (value === 'en') return 'en';
  throw usage({
    zh: `--lang 只能是 zh 或 en，收到 "${value}"`,
    en: `--lang must be zh or en, got "${value}"`,
  });
}

/**
 * Validates a date option (`--cutoff`, `--as-of`).
 *
 * @example
 * ```ts
 * dateOption('cutoff', '2026-11-20'); // '2026-11-20'
 * ```
 */
export function dateOption(name: string, value: string | undefined): string | undefined {
  if (value === undefined || isIsoDate(value)) return value;
  throw usage(
    {
      zh: `--${name} 应为日期 YYYY-MM-DD，收到 "${value}"`,
      en: `--${name} must be a date YYYY-MM-DD, got "${value}"`,
    },
    'check',
  );
}
