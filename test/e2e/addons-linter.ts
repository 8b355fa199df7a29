/**
 * Mozilla's add-on linter (the checks addons.mozilla.org runs on upload, and what `web-ext lint`
 * runs), called through its JS API: it works offline.
 */
import { createRequire } from 'node:module';

/** One finding of the linter. */
export interface LintMessage {
  code: string;
  message: string;
  description: string;
  file?: string;
}

/** What the linter found in a build. */
export interface LintResult {
  errors: LintMessage[];
  warnings: LintMessage[];
  notices: LintMessage[];
}

interface Linter {
  createInstance(options: { config: Record<string, unknown>; runAsBinary: boolean }): {
    run(): Promise<LintResult>;
  };
}

/**
 * Lints the unpacked build at `dir`.
 *
 * @example
 * ```ts
 * const { errors } = await lintAddon(firefox.dir);
 * ```
 */
export function lintAddon(dir: string): Promise<LintResult> {
  // CommonJS without type declarations: the interface above is the part used here.
  const linter = createRequire(import.meta.url)('addons-linter') as Linter;
  return linter
    .createInstance({
      config: {
        _: [dir],
        logLevel: 'fatal',
        stack: false,
        pretty: false,
        warningsAsErrors: false,
        metadata: false,
        output: 'none',
        boring: false,
        selfHosted: false,
      },
      runAsBinary: false,
    })
    .run();
}
