/**
 * The content script's start: ask the background whether and how to run here, then start the
 * site's mode. A screening mode runs in this script; a mode with its own bundle asks the
 * background to inject it (that bundle then says hello itself).
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createLogger } from '../log.ts';
import { send } from '../messages.ts';
import { modeById } from '../modes.ts';
import { startScreening } from '../screening/content.ts';
import { hello } from './hello.ts';

const log = createLogger('content');

/**
 * Runs the content script for this page.
 */
export async function startContent(ctx: ContentScriptContext): Promise<void> {
  const session = await hello(ctx);
  const mode = modeById(session?.mode);
  if (!session || !mode) return;
  if (mode.engine === 'screening') startScreening(ctx, session, mode);
  else void send({ type: 'cs:start-bundle' }).catch((e: unknown) => log.warn(`${mode.id} did not start`, e));
}
