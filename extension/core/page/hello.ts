/**
 * The start-up handshake every content-script bundle makes: the background says whether this
 * page runs, in which mode and language.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { setLanguage } from '../i18n.ts';
import { createLogger } from '../log.ts';
import { type ContentSession, send } from '../messages.ts';

const log = createLogger('content');

/**
 * Asks the background for this page's session and applies its language; `null` when the
 * background is unreachable, the page is off, or the context already ended.
 */
export async function hello(ctx: ContentScriptContext): Promise<ContentSession | null> {
  let session: ContentSession | null;
  try {
    session = await send({ type: 'cs:hello', url: location.href });
  } catch (e) {
    log.warn('background unreachable', e);
    return null;
  }
  if (!session || ctx.isInvalid) return null;
  setLanguage(session.language);
  return session;
}
