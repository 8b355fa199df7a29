import { defineContentScript } from 'wxt/utils/define-content-script';
import { startContent } from '../content/index.ts';

// Registered at run time, only for the sites the user enabled (see background/sites.ts). The
// empty `matches` adds no host permission; WXT's development reloader expects the field.
export default defineContentScript({
  registration: 'runtime',
  matches: [],
  main: (ctx) => startContent(ctx),
});
