/**
 * Loan-review mode (its own content script, started only on pages whose site rule says
 * `loan`): finds the ID numbers of the borrowers, badges each with its state, and looks a
 * borrower up only after the officer has confirmed that person's written authorization in the
 * badge's consent dialog. Before that, nothing about the person leaves the page but the masked
 * number. The full numbers live in this script's memory only, keyed `borrower:<n>`, and are
 * dropped on navigation and when the context ends.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { installTestHook } from '../../core/badges/test-hook.ts';
import { setLanguage } from '../../core/i18n.ts';
import { createLogger } from '../../core/log.ts';
import { type ContentSession, listenInContent, send } from '../../core/messages.ts';
import { CardFrame } from '../../core/overlay/card-frame.ts';
import { createDomWatcher, type DomChange } from '../../core/page/dom-watch.ts';
import { hello } from '../../core/page/hello.ts';
import { createHiddenCheck } from '../../core/page/visibility.ts';
import { maskedId, maskedName, redactIds } from '../../core/personal.ts';
import { readFacts } from '../../core/reader/facts.ts';
import { createReaderState, type ReaderState } from '../../core/reader/types.ts';
import { anchorAfterField } from '../../core/scan/field-anchor.ts';
import { isOwnUi, LoanBadges } from './badges.tsx';
import { type BorrowerOccurrence, detectBorrowers } from './detect.ts';
import { loanBadgeLabel } from './format.ts';
import { type LoanBorrowerRef, type LoanConsent, type LoanResult, loanDisplayState } from './model.ts';
import { loanPreviewText } from './preview.ts';

const log = createLogger('loan');

/**
 * Runs the loan script on this page: asks the background for the session and starts loan
 * mode when the page's rule says so.
 */
export async function startLoanContent(ctx: ContentScriptContext): Promise<void> {
  // Injected on request; a second injection into the same page must not start twice.
  const flag = globalThis as { __xinjianLoan?: boolean };
  if (flag.__xinjianLoan) return;
  flag.__xinjianLoan = true;
  ctx.onInvalidated(() => {
    flag.__xinjianLoan = false;
  });
  const session = await hello(ctx);
  if (session?.mode !== 'loan') return;
  startLoan(ctx, session);
}

/**
 * Starts loan mode on this page until the context is invalidated.
 */
export function startLoan(ctx: ContentScriptContext, initial: ContentSession): void {
  let session = initial;
  let state: ReaderState = createReaderState();
  let generation = 0;
  let pageReady: Promise<unknown> = Promise.resolve();
  // The only place full numbers are kept: this page's borrowers, in memory.
  let keyById = new Map<string, string>();
  let idByKey = new Map<string, string>();

  const badges = new LoanBadges(
    {
      lookup: (key, consent) => lookup(key, consent),
      openPanel: (key) => {
        void send({ type: 'cs:open-report', key }).catch((e: unknown) => log.warn('side panel failed', e));
      },
    },
    new CardFrame(ctx),
  );
  ctx.onInvalidated(() => {
    badges.clear();
    keyById = new Map();
    idByKey = new Map();
  });
  if (import.meta.env.MODE === 'e2e')
    installTestHook(
      ctx,
      () => badges,
      (borrower, result) => ({
        name: borrower.nameMasked,
        state: loanDisplayState(result),
        text: loanPreviewText(result),
        label: loanBadgeLabel(borrower, result),
      }),
    );

  function lookup(key: string, consent: LoanConsent): void {
    const idNumber = idByKey.get(key);
    const borrower = badges.borrowers.get(key);
    if (!idNumber || !borrower) return;
    const mine = generation;
    badges.setResult(key, { state: 'checking' });
    void pageReady
      .then(() => send({ type: 'cs:loan-lookup', borrower, idNumber, consent }))
      .then(
        (result) => {
          if (mine === generation) badges.setResult(key, result);
        },
        (e: unknown) => {
          log.warn('lookup failed', redactIds(e instanceof Error ? e.message : String(e)));
          if (mine !== generation) return;
          const message = redactIds(e instanceof Error ? e.message : String(e));
          const failed: LoanResult = {
            state: 'error',
            code: e instanceof Error ? e.name : 'Error',
            reason: {
              zh: `扩展后台拒绝或未完成查询：${message}`,
              en: `The extension did not complete the lookup: ${message}`,
            },
            retryable: true,
          };
          badges.setResult(key, failed);
        },
      );
  }

  function roleFor(o: BorrowerOccurrence): LoanBorrowerRef['role'] {
    // A page that names no roles: the first person is taken as the applicant.
    return o.role ?? (badges.borrowers.size === 0 ? 'applicant' : 'co_borrower');
  }

  function scan(roots: readonly Node[]): void {
    const isHidden = createHiddenCheck();
    const found: BorrowerOccurrence[] = [];
    for (const root of roots) found.push(...detectBorrowers(root, { isHidden, state, ignore: isOwnUi }));
    const fresh: LoanBorrowerRef[] = [];
    const mounts: Array<{ occurrence: BorrowerOccurrence; key: string }> = [];
    for (const o of found) {
      let key = keyById.get(o.idNumber);
      if (!key) {
        key = `borrower:${keyById.size + 1}`;
        keyById.set(o.idNumber, key);
        idByKey.set(key, o.idNumber);
        const ref: LoanBorrowerRef = {
          key,
          role: roleFor(o),
          idMasked: maskedId(o.idNumber),
          nameMasked: maskedName(o.name),
        };
        badges.add(ref);
        fresh.push(ref);
      }
      mounts.push({ occurrence: o, key });
    }
    if (fresh.length > 0) {
      const mine = generation;
      void pageReady
        .then(() => (mine === generation ? send({ type: 'cs:loan-seen', borrowers: fresh }) : null))
        .catch((e: unknown) => log.warn('could not report the borrowers', e));
    }
    // Occurrences of one text node come together; the last is placed first, so splitting the
    // node for it keeps the offsets of the earlier ones valid.
    for (let i = 0; i < mounts.length; ) {
      let j = i + 1;
      while (j < mounts.length && mounts[j]?.occurrence.node === mounts[i]?.occurrence.node) j++;
      for (const { occurrence, key } of mounts.slice(i, j).reverse()) {
        if (occurrence.field) anchorAfterField(occurrence, state);
        if (!occurrence.node.isConnected) continue;
        const { split } = badges.mount(occurrence, key);
        if (split) state.processed.add(split);
      }
      i = j;
    }
  }

  // A new page (load or in-page navigation): forget the old one and its numbers, start over.
  function begin(): void {
    generation++;
    badges.clear();
    keyById = new Map();
    idByKey = new Map();
    state = createReaderState();
    const mine = generation;
    // The application's 业务编号 where the form prints one; the officer confirms it in the panel.
    // Its own reader state: reading facts marks nothing read for the borrowers' scan.
    const facts = readFacts(document.body, {
      isHidden: createHiddenCheck(),
      state: createReaderState(),
      ignore: isOwnUi,
    });
    const printed = facts.businessNo;
    const ready = send({
      type: 'cs:loan-page',
      url: redactIds(location.href),
      title: redactIds(document.title),
      businessNo: printed ? { value: redactIds(printed.value), label: printed.label } : null,
    }).then((page) => {
      if (mine === generation) badges.setPage(page);
    });
    ready.catch((e: unknown) => log.warn('could not start', e));
    pageReady = ready;
  }

  const watcher = createDomWatcher(ctx, { ignore: isOwnUi });
  watcher.subscribe((change: DomChange) => {
    if (change.kind === 'navigation') begin();
    else if (change.kind === 'full') {
      badges.prune();
      scan([document.body]);
    } else scan(change.roots);
  });

  listenInContent(ctx.signal, (message) => {
    if (message.type === 'bg:loan-result') {
      badges.setResult(message.key, message.result);
    } else if (message.type === 'bg:session') {
      if (message.session?.mode !== 'loan') {
        ctx.abort('loan mode switched off');
        return;
      }
      const languageChanged = message.session.language !== session.language;
      session = message.session;
      setLanguage(session.language);
      if (languageChanged) badges.rerenderAll();
    }
  });

  begin();
  watcher.requestFull();
}
