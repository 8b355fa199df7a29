import { defineContentScript } from 'wxt/utils/define-content-script';
import { countStart, ignoreForgedRestarts } from '../core/page/restart-guard.ts';
import { startPeopleContent } from '../core/personal/people-content.ts';

// Counted as the module loads, before WXT announces this copy (content/restart-guard.ts).
const started = countStart('people');

// Injected by the background only into frames whose screening page's layout names people (a
// borrower's 法定代表人); never registered for a site.
export default defineContentScript({
  registration: 'runtime',
  matches: [],
  // No start announcement on window.postMessage: the page could read our id and replay it.
  noScriptStartedPostMessage: true,
  main: (ctx) => {
    ignoreForgedRestarts(ctx, 'people', started);
    return startPeopleContent(ctx);
  },
});
