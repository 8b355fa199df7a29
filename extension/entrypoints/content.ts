import { defineContentScript } from 'wxt/utils/define-content-script';
import { countStart, ignoreForgedRestarts } from '../core/page/restart-guard.ts';
import { startContent } from '../core/page/session.ts';

// Counted as the module loads, before WXT announces this copy (content/restart-guard.ts).
const started = countStart('content');

// Registered at run time, only for the sites the user enabled (see background/sites.ts). The
// empty `matches` adds no host permission; WXT's development reloader expects the field.
export default defineContentScript({
  registration: 'runtime',
  matches: [],
  // WXT would also announce the start with window.postMessage: the page would read our
  // extension id in it and could replay it.
  noScriptStartedPostMessage: true,
  main: (ctx) => {
    ignoreForgedRestarts(ctx, 'content', started);
    return startContent(ctx);
  },
});
