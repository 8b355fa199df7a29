/**
 * WXT tells an older copy of a content script that a newer one started with a DOM event on
 * `document` (`<extension id>:<entrypoint>:wxt:content-script-started`), and the older copy
 * stops. A page can dispatch that event too, and so switch our badges off. Each copy counts
 * its start in the isolated world (which page scripts cannot reach) before WXT announces it;
 * the event is let through only when the count says a newer copy of ours really started.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

type World = Record<symbol, number | undefined>;
const world = globalThis as unknown as World;
const keyOf = (entrypoint: string) => Symbol.for(`xinjian.content-script-starts.${entrypoint}`);

/**
 * Counts a start of `entrypoint` in this frame's isolated world and returns this copy's number.
 * Call it when the entrypoint module loads, before WXT creates the context.
 */
export function countStart(entrypoint: string): number {
  const key = keyOf(entrypoint);
  const count = (world[key] ?? 0) + 1;
  world[key] = count;
  return count;
}

/**
 * Stops a "newer copy started" event before WXT sees it, unless a newer copy of `entrypoint`
 * did start in this world.
 */
export function ignoreForgedRestarts(ctx: ContentScriptContext, entrypoint: string, started: number): void {
  // WXT's event name (ContentScriptContext.SCRIPT_STARTED_MESSAGE_TYPE, private in its types).
  const type = `${browser.runtime.id}:${entrypoint}:wxt:content-script-started`;
  // On window, capturing: it runs before WXT's listener on document, whatever the order.
  ctx.addEventListener(
    window,
    type,
    (event: Event) => {
      if ((world[keyOf(entrypoint)] ?? 0) > started) return;
      event.stopImmediatePropagation();
    },
    { capture: true },
  );
}
