import { defineContentScript } from 'wxt/utils/define-content-script';
import { startLoanContent } from '../content/loan.ts';

// Injected by the background only into frames whose site rule is `loan` (see background/loan.ts);
// never registered for a site, so procurement pages never load it.
export default defineContentScript({
  registration: 'runtime',
  matches: [],
  main: (ctx) => startLoanContent(ctx),
});
