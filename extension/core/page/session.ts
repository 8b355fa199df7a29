/**
 * The content script's start: ask the background whether and how to run here, then, once the
 * document is parsed, start the site's mode. A screening mode runs in this script; a mode with
 * its own bundle asks the background to inject it (that bundle then says hello itself).
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createLogger } from '../log.ts';
import { send } from '../messages.ts';
import { modeById } from '../modes.ts';
import { startScreening } from '../screening/content.ts';
import { documentParsed } from './document-parsed.ts';
import { hello } from './hello.ts';

const log = createLogger('content');

/**
 * Runs the content script for this page.
 */
export async function startContent(ctx: ContentScriptContext): Promise<void> {
  // Started at the document's start: the hello goes while the page is still being parsed.
  const [session] = await Promise.all([hello(ctx), documentParsed()]);
  const mode = modeById(session?.mode);
  if (!session || !mode || ctx.isInvalid) return;
  if (mode.engine === 'screening') startScreening(ctx, session, mode);
  else void send({ type: 'cs:start-bundle' }).catch((e: unknown) => log.warn(`${mode.id} did not start`, e));
}
