/**
 * Entry point of the `xinjian` command (the `xinjian` bin of `@xinjian/cli`).
 * Node-only; the browser bundle never imports it.
 *
 * @example
 * ```sh
 * xinjian check 91110000561976492Q --lang en
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

// The first Ctrl-C stops the check, which then writes what it has; a second one kills at once.
const interrupt = new AbortController();
process.once('SIGINT', () => interrupt.abort(new Error('interrupted (SIGINT)')));

const code = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
  signal: interrupt.signal,
});
// Once stopped, requests still in flight or waiting out a rate limit are not worth waiting for.
if (interrupt.signal.aborted) process.exit(code);
process.exitCode = code;
