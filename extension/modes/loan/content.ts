/**
 * Loan-review mode (its own content script, started only on pages whose site rule says
 * `loan`): finds the ID numbers of the borrowers, badges each with its state, and looks a
 * borrower up only after the officer has confirmed that person's written authorization in the
 * badge's consent dialog. Before that, nothing about the person leaves the page but the masked
 * number. The full numbers live in this script's memory only, keyed `borrower:<n>`, and are
 * dropped on navigation and when the context ends. The companies the page names (developer,
 * guarantor, employer) get enterprise markers of their own, drawn by the frame's screening
 * card, and are screened apart from the household (docs/decisions/0061).
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { hookSource, installTestHooks } from '../../core/badges/test-hook.ts';
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
import { ScreeningBadges } from '../../core/screening/badges.tsx';
import { displayState, type SubjectResult } from '../../core/screening/model.ts';
import { isOwnUi, LoanBadges } from './badges.tsx';
import { type BorrowerOccurrence, type CompanyPlacement, detectLoanSubjects } from './detect.ts';
import { loanBadgeLabel } from './format.ts';
import {
  type LoanBorrowerRef,
  type LoanCompanyPart,
  type LoanConsent,
  type LoanResult,
  loanDisplayState,
} from './model.ts';
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

  const frame = new CardFrame(ctx);
  const badges = new LoanBadges(
    {
      lookup: (key, consent) => lookup(key, consent),
      openPanel: (key) => {
        void send({ type: 'cs:open-report', key }).catch((e: unknown) => log.warn('side panel failed', e));
      },
    },
    frame,
  );
  // The page's companies: enterprise markers in the same frame, results never in the household.
  const companies = new ScreeningBadges(
    {
      lookup: (key) => checkCompanies([key]),
      pick: (key, uscc) => pickCompany(key, uscc),
      openReport: (key) => {
        void send({ type: 'cs:open-report', key }).catch((e: unknown) => log.warn('side panel failed', e));
      },
    },
    frame,
  );
  let parts = new Map<string, LoanCompanyPart>();
  ctx.onInvalidated(() => {
    badges.clear();
    companies.clear();
    keyById = new Map();
    idByKey = new Map();
  });
  if (import.meta.env.MODE === 'e2e')
    installTestHooks(ctx, [
      hookSource(
        () => badges,
        (borrower, result) => ({
          name: borrower.nameMasked,
          state: loanDisplayState(result),
          text: loanPreviewText(result),
          label: loanBadgeLabel(borrower, result),
        }),
      ),
      // The frame draws a company's texts (the hook's cardText); the page knows only its state.
      hookSource(
        () => companies,
        (subject, result) => ({ name: subject.name, state: displayState(result), text: '', label: '' }),
      ),
    ]);

  const unavailable = (e: unknown): SubjectResult => {
    const message = redactIds(e instanceof Error ? e.message : String(e));
    return {
      state: 'unavailable',
      reason: {
        zh: `扩展后台拒绝或未完成查询：${message}`,
        en: `The extension did not complete the lookup: ${message}`,
      },
      error: null,
      retryAt: null,
    };
  };

  // Enterprise data needs no consent: looked up as found, or on the officer's click.
  function checkCompanies(keys: readonly string[]): void {
    const list = keys.flatMap((key) => {
      const subject = companies.subjects.get(key);
      return subject ? [{ subject, part: parts.get(key) ?? 'other' }] : [];
    });
    if (list.length === 0) return;
    const mine = generation;
    for (const { subject } of list) companies.setResult(subject.key, { state: 'checking', attempt: 0 });
    void pageReady
      .then(() => (mine === generation ? send({ type: 'cs:loan-companies', companies: list }) : []))
      .then(
        (results) => {
          if (mine === generation) for (const { key, result } of results) companies.setResult(key, result);
        },
        (e: unknown) => {
          log.warn('company lookup failed', redactIds(e instanceof Error ? e.message : String(e)));
          if (mine === generation)
            for (const { subject } of list) companies.setResult(subject.key, unavailable(e));
        },
      );
  }

  function pickCompany(key: string, uscc: string): void {
    const mine = generation;
    companies.setResult(key, { state: 'checking', attempt: 0 });
    void send({ type: 'cs:loan-company-pick', key, uscc }).then(
      (result) => {
        if (mine === generation) companies.setResult(key, result);
      },
      (e: unknown) => {
        if (mine === generation) companies.setResult(key, unavailable(e));
      },
    );
  }

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
    const named: CompanyPlacement[] = [];
    for (const root of roots) {
      const read = detectLoanSubjects(root, { isHidden, state, ignore: isOwnUi });
      found.push(...read.borrowers);
      named.push(...read.companies);
    }
    const fresh: LoanBorrowerRef[] = [];
    const mounts: Array<{
      occurrence: BorrowerOccurrence | CompanyPlacement['occurrence'];
      mount: () => Text | null;
    }> = [];
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
      const k = key;
      mounts.push({ occurrence: o, mount: () => badges.mount(o, k).split });
    }
    const newCompanies: string[] = [];
    for (const { occurrence, subject, part } of named) {
      if (!companies.subjects.has(subject.key)) {
        companies.track(
          subject.key,
          subject,
          session.lookup === 'auto' ? { state: 'checking', attempt: 0 } : { state: 'idle' },
        );
        parts.set(subject.key, part);
        newCompanies.push(subject.key);
      }
      mounts.push({ occurrence, mount: () => companies.mount(occurrence, subject.key).split });
    }
    if (fresh.length > 0) {
      const mine = generation;
      void pageReady
        .then(() => (mine === generation ? send({ type: 'cs:loan-seen', borrowers: fresh }) : null))
        .catch((e: unknown) => log.warn('could not report the borrowers', e));
    }
    if (session.lookup === 'auto') checkCompanies(newCompanies);
    // Occurrences of one text node are placed last first, so splitting the node for one keeps
    // the offsets of the earlier ones valid.
    const byNode = new Map<Text, typeof mounts>();
    for (const m of mounts) byNode.set(m.occurrence.node, [...(byNode.get(m.occurrence.node) ?? []), m]);
    for (const group of byNode.values()) {
      for (const { occurrence, mount } of group.sort((a, b) => b.occurrence.index - a.occurrence.index)) {
        if (occurrence.field) anchorAfterField(occurrence, state);
        if (!occurrence.node.isConnected) continue;
        const split = mount();
        if (split) state.processed.add(split);
      }
    }
  }

  // A new page (load or in-page navigation): forget the old one and its numbers, start over.
  function begin(): void {
    generation++;
    badges.clear();
    companies.clear();
    parts = new Map();
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
      if (mine !== generation) return;
      badges.setPage(page);
      // A company is judged on the loan's review date, shown as its cut-off.
      companies.setCutoff({ date: page.asOf, source: page.asOfSource === 'settings' ? 'fixed' : 'today' });
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
