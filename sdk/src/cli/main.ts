/**
 * Entry point of the `xinjian` command (`node sdk/src/cli/main.ts`, or the `xinjian` bin).
 * Node-only; the browser bundle never imports it.
 *
 * @example
 * ```sh
 * node sdk/src/cli/main.ts check 91110000600037341L --lang en
 * ```
 */
import { runCli } from './run.ts';

// `xinjian … | head` closes the pipe early: stop quietly, as other Unix tools do.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    process.exit(process.exitCode ?? 0);
  });
}

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
});
