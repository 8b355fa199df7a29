import { defineContentScript } from 'wxt/utils/define-content-script';
import { countStart, ignoreForgedRestarts } from '../core/page/restart-guard.ts';
import { startLoanContent } from '../modes/loan/content.ts';

// Counted as the module loads, before WXT announces this copy (content/restart-guard.ts).
const started = countStart('loan');

// Injected by the background only into frames whose site rule is `loan` (see background/loan.ts);
// never registered for a site, so procurement pages never load it.
export default defineContentScript({
  registration: 'runtime',
  matches: [],
  // No start announcement on window.postMessage: the page could read our id and replay it.
  noScriptStartedPostMessage: true,
  main: (ctx) => {
    ignoreForgedRestarts(ctx, 'loan', started);
    return startLoanContent(ctx);
  },
});
