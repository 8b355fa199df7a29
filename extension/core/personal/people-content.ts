/**
 * The people script: a bundle of its own, injected by the background next to the screening
 * script on pages whose layout names people (a 授信审批表's 法定代表人), so the screening script
 * injected into every page of an enabled site carries none of it. It badges the people and
 * runs their consent-gated lookups (page.ts); an in-page navigation ends it, and the background
 * injects a fresh copy once the new page is known.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { isOwnUi } from '../badges/host.ts';
import { setLanguage } from '../i18n.ts';
import { listenInContent } from '../messages.ts';
import { modeById } from '../modes.ts';
import { CardFrame } from '../overlay/card-frame.ts';
import { createDomWatcher } from '../page/dom-watch.ts';
import { hello } from '../page/hello.ts';
import { layoutFor } from '../scan/layout.ts';
import { pagePeople } from './page.ts';

/**
 * Starts the people of this page, when its mode looks people up and its layout names them.
 */
export async function startPeopleContent(ctx: ContentScriptContext): Promise<void> {
  const session = await hello(ctx);
  const mode = modeById(session?.mode);
  const layout = layoutFor(location.href, mode?.layouts ?? []);
  if (!session || !mode?.people || !layout?.people) return;
  let language = session.language;
  const people = pagePeople({
    ctx,
    layouts: layout.people,
    purpose: mode.people.purpose,
    frame: new CardFrame(ctx),
    // Injected once the background started the page's record.
    ready: () => Promise.resolve(),
  });
  ctx.onInvalidated(() => people.clear());
  const watcher = createDomWatcher(ctx, { ignore: isOwnUi });
  watcher.subscribe((change) => {
    if (change.kind === 'navigation') ctx.abort('a new page');
    else if (change.kind === 'full') people.scan(document.body);
    else
      for (const root of change.roots) if (root instanceof Element) people.scan(root.parentElement ?? root);
  });
  listenInContent(ctx.signal, (message) => {
    if (message.type === 'bg:person-result') people.setResult(message.key, message.result);
    else if (message.type === 'bg:session') {
      if (message.session?.mode !== mode.id) {
        ctx.abort('mode switched');
        return;
      }
      setLanguage(message.session.language);
      if (message.session.language !== language) people.rerenderAll();
      language = message.session.language;
    }
  });
  watcher.requestFull();
}
