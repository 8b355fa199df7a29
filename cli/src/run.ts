/**
 * The `xinjian` command: dispatch, help and version. The commands themselves load on demand
 * (`commands.ts`), so help is instant and the SDK, rule packs and demo server load only when used.
 */
import pkg from '../package.json' with { type: 'json' };
import { CliError, type CliIO, COMMON, langOf, parse, sniffLang, usage } from './common.ts';
import { EXIT, type ExitCode } from './exit-codes.ts';
import { type HelpTopic, helpText } from './help.ts';
import { tr } from './labels.ts';

export type { CliIO } from './common.ts';

/**
 * Runs the CLI and returns its exit code (see {@link EXIT}). Never throws.
 *
 * @example
 * ```ts
 * process.exitCode = await runCli(['check', '91110000561976492Q', '--lang', 'en'], {
 *   stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd(),
 * });
 * ```
 */
export async function runCli(argv: readonly string[], io: CliIO): Promise<ExitCode> {
  let lang = sniffLang(argv);
  try {
    const [command, ...rest] = argv;
    if (command === undefined || command === '-h' || command === '--help' || command.startsWith('--lang')) {
      if (command?.startsWith('--lang')) lang = langOf(parse([...argv], COMMON, 'main').values.lang);
      // Bare `xinjian` is a usage error: help goes to stderr so a pipe sees nothing.
      (command === undefined ? io.stderr : io.stdout).write(helpText('main', lang));
      return command === undefined ? EXIT.USAGE : EXIT.OK;
    }
    if (command === '-v' || command === '--version') {
      io.stdout.write(`xinjian ${pkg.version}\n`);
      return EXIT.OK;
    }
    if (command === 'help') {
      const topic = rest.find((a) => !a.startsWith('-'));
      const known: HelpTopic[] = ['check', 'products', 'domains', 'verify'];
      io.stdout.write(helpText(known.includes(topic as HelpTopic) ? (topic as HelpTopic) : 'main', lang));
      return EXIT.OK;
    }
    if (command !== 'check' && command !== 'products' && command !== 'domains' && command !== 'verify') {
      throw usage({ zh: `未知命令 "${command}"`, en: `unknown command "${command}"` });
    }
    const { runCommand } = await import('./commands.ts');
    return await runCommand(command, rest, io, lang);
  } catch (e) {
    if (!(e instanceof CliError)) {
      io.stderr.write(
        `xinjian: ${tr(lang, { zh: '内部错误', en: 'internal error' })}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
      );
      return EXIT.SOFTWARE;
    }
    io.stderr.write(`xinjian: ${tr(lang, e.text)}\n`);
    if (e.hint !== null)
      io.stderr.write(tr(lang, { zh: '用法见 xinjian --help\n', en: 'see xinjian --help\n' }));
    return e.exitCode;
  }
}
