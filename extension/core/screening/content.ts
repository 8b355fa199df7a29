/**
 * Enterprise screening on a page (the procurement and tendering modes): find every bidder, badge
 * it, and ask the background to check it under the mode's rule set. The shared DOM watcher
 * feeds incremental scans; each frame first reads (detection), then writes (badges and
 * results) within a time budget, and on a long list only the rows near the viewport get their
 * badges drawn (docs/decisions/0010). An in-page
 * navigation starts over.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { installTestHook } from '../badges/test-hook.ts';
import { setLanguage } from '../i18n.ts';
import { createLogger } from '../log.ts';
import { type ContentSession, listenInContent, send } from '../messages.ts';
import type { ModeDefinition } from '../mode.ts';
import { CardFrame } from '../overlay/card-frame.ts';
import { createDomWatcher, type DomChange } from '../page/dom-watch.ts';
import { nextFrame } from '../page/frames.ts';
import { markPhase, measurePhase } from '../page/marks.ts';
import { READ_BUDGET_MS, ReadQueue } from '../page/read-queue.ts';
import { createHiddenCheck } from '../page/visibility.ts';
import {
  createDetectState,
  type DetectState,
  detect,
  layoutTableTest,
  type Occurrence,
} from '../scan/detect.ts';
import { anchorAfterField } from '../scan/field-anchor.ts';
import { layoutFor, type PageLayout } from '../scan/layout.ts';
import { pageFacts } from '../scan/page-facts.ts';
import { isOwnUi, ScreeningBadges } from './badges.tsx';
import { badgeLabel, previewText } from './card.tsx';
import { displayState, type PageSubject, type SubjectResult } from './model.ts';
import { type Placement, toPlacements } from './placements.ts';
import { createRecovery } from './recovery.ts';

const log = createLogger('screening');

/** Badges found in one scan above which off-screen ones wait until they near the viewport. */
export const LAZY_BADGE_THRESHOLD = 300;

/** Consecutive deferred badges that appear together when the first nears the viewport. */
export const LAZY_CHUNK = 25;

/** Subjects found by a scan that spans frames, sent to the background together (the API's batch size). */
export const LOOKUP_BATCH = 100;

/** Milliseconds of badge writes per animation frame, on a page that lays out quickly. */
export const WRITE_BUDGET_MS = 8;
/** The most a frame may spend writing badges on a page whose layout is slow. */
export const MAX_WRITE_BUDGET_MS = 200;

/**
 * The write budget of the next frame. Each frame that adds badges costs the page a layout; on a
 * long table that layout, not our code, dominates, so a slow last frame earns a bigger batch
 * (half the last frame's length): fewer, larger frames finish sooner than many small ones.
 */
export function writeBudget(lastFrameMs: number): number {
  return Math.min(MAX_WRITE_BUDGET_MS, Math.max(WRITE_BUDGET_MS, lastFrameMs / 2));
}

/**
 * Starts a screening mode (procurement, tendering) on this page until the context is
 * invalidated; the mode gives the layouts that override the generic reader.
 */
export function startScreening(
  ctx: ContentScriptContext,
  initial: ContentSession,
  mode: ModeDefinition,
): void {
  let session = initial;
  let layout: PageLayout | null = null;
  let state: DetectState = createDetectState();
  let generation = 0;
  const requested = new Set<string>();
  const writeQueue: Placement[] = [];
  let lookupQueue: PageSubject[] = [];
  let writing = false;
  let pageReady: Promise<void> = Promise.resolve();

  const registry = new ScreeningBadges(
    {
      lookup: (key) => {
        const subject = registry.subjects.get(key);
        if (subject) requestLookups([subject]);
      },
      pick: (key, uscc) => {
        void send({ type: 'cs:pick', key, uscc })
          .then((result) => applyResult(key, result))
          .catch((e: unknown) => log.warn('pick failed', e));
      },
      openReport: (key) => {
        void send({ type: 'cs:open-report', key }).catch((e: unknown) => log.warn('side panel failed', e));
      },
    },
    new CardFrame(ctx),
  );
  ctx.onInvalidated(() => registry.clear());
  if (import.meta.env.MODE === 'e2e')
    installTestHook(
      ctx,
      () => registry,
      (subject, result) => ({
        name: subject.name,
        state: displayState(result),
        text: previewText(subject, result),
        label: badgeLabel(subject, result),
      }),
    );

  // After the background gives up on a subject, ask again while the page stays open.
  const recovery = createRecovery(ctx, (keys) => {
    for (const key of keys) {
      const subject = registry.subjects.get(key);
      if (subject) lookupQueue.push(subject);
    }
    flushLookups();
  });

  const initialResult = (): SubjectResult =>
    session.lookup === 'auto' ? { state: 'checking', attempt: 0 } : { state: 'idle' };

  function requestLookups(subjects: PageSubject[]): void {
    for (const s of subjects) {
      if (requested.has(s.key)) continue;
      requested.add(s.key);
      lookupQueue.push(s);
      if (registry.result(s.key)?.state === 'idle') applyResult(s.key, { state: 'checking', attempt: 0 });
    }
  }

  // `more`: the scan goes on. Messages carry at most LOOKUP_BATCH subjects, so a message is one
  // batch request and its answer comes back with that batch, not with the next one's; while
  // the scan goes on, a part-filled rest waits here for the next frame's subjects. The scan's
  // end sends the rest and tells the background that nothing more is coming (which releases a
  // batch it holds part-filled, docs/decisions/0070), even with nothing left to send.
  let holding = false;
  function flushLookups(more = false): void {
    if (lookupQueue.length === 0 && (more || !holding)) return;
    while (lookupQueue.length >= LOOKUP_BATCH || (!more && (lookupQueue.length > 0 || holding))) {
      const batch = lookupQueue.splice(0, LOOKUP_BATCH);
      const last = lookupQueue.length === 0;
      sendLookups(batch, more || !last);
      holding = more || !last;
    }
  }

  function sendLookups(batch: PageSubject[], more: boolean): void {
    const mine = generation;
    const asked = performance.now();
    // The background must know the page (and its cut-off) before the first lookup.
    void pageReady
      .then(() => send({ type: 'cs:lookup', subjects: batch, more }))
      .then((results) => {
        if (batch.length > 0) measurePhase('xinjian:lookup', asked);
        if (mine !== generation) return;
        for (const { key, result } of results) applyResult(key, result);
      })
      .catch((e: unknown) => {
        log.warn('lookup failed', e);
        if (mine !== generation) return;
        const reason = {
          zh: '扩展后台无响应，请刷新页面。',
          en: 'The extension did not answer; reload the page.',
        };
        for (const s of batch)
          applyResult(s.key, { state: 'unavailable', reason, error: null, retryAt: null });
      });
  }

  // Reads: detection for the changed part of the page, READ_BUDGET_MS per frame (a flooded
  // page is read over several frames). Every subject found is looked up at once; the badges of
  // one scan are queued when it is read whole (or, on a long list, wait until their row nears
  // the viewport).
  const reads = new ReadQueue();
  let scanned: Placement[] = [];
  let readScheduled = false;
  let rescanAfter = false;
  function scan(roots: readonly Node[]): void {
    reads.push(roots);
    if (!readScheduled) readSome();
  }

  // The whole page, read again. A pass under way still reads whatever was added after its
  // position; one more pass after it catches the rest. (Restarting instead would let a page
  // that never stops changing keep us from ever reaching its end.)
  function scanAll(): void {
    if (reads.size > 0) rescanAfter = true;
    else scan([document.body]);
  }

  function readSome(): void {
    readScheduled = false;
    const started = performance.now();
    const isHidden = createHiddenCheck();
    const placements: Placement[] = [];
    for (let root = reads.next(); root; root = reads.next()) {
      placements.push(...toPlacements(detect(root, { layout, isHidden, state, ignore: isOwnUi })));
      if (performance.now() - started >= READ_BUDGET_MS) break;
    }
    measurePhase('xinjian:scan', started);
    const fresh: PageSubject[] = [];
    for (const { subject } of placements) {
      if (registry.subjects.has(subject.key)) continue;
      const initial = initialResult();
      registry.track(subject.key, subject, initial);
      if (initial.state === 'checking') checking++;
      fresh.push(subject);
    }
    if (session.lookup === 'auto') requestLookups(fresh);
    // A scan read over several frames sends its lookups in full batches, not one per frame.
    if (reads.size === 0 || lookupQueue.length >= LOOKUP_BATCH) flushLookups(reads.size > 0);
    scanned.push(...placements);
    if (reads.size === 0) {
      const done = scanned;
      scanned = [];
      if (done.length > LAZY_BADGE_THRESHOLD) deferUntilVisible(done);
      else writeQueue.push(...done);
      if (rescanAfter) {
        rescanAfter = false;
        reads.push([document.body]);
      }
    }
    if (reads.size > 0) {
      readScheduled = true;
      nextFrame(ctx, readSome);
    }
    // Reads run inside an animation frame: write in the same frame.
    writeSome();
    markIfSettled();
  }

  // Each frame that adds badges to a long table costs a layout of the whole table; badging only
  // what is near the viewport keeps a 20,000-row list smooth. Lookups are not deferred.
  const deferred = new Map<Element, Placement[]>();
  let nearViewport: IntersectionObserver | null = null;
  function deferUntilVisible(placements: readonly Placement[]): void {
    nearViewport ??= new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          if (!entry.isIntersecting) continue;
          nearViewport?.unobserve(entry.target);
          writeQueue.push(...(deferred.get(entry.target) ?? []));
          deferred.delete(entry.target);
        }
        scheduleWrites();
      },
      { rootMargin: '150% 0px' },
    );
    // Watch one element per run of consecutive badges: a few hundred targets, not 20,000.
    for (let i = 0; i < placements.length; i += LAZY_CHUNK) {
      const chunk = placements.slice(i, i + LAZY_CHUNK);
      const first = chunk[0]?.occurrence;
      const anchor = first?.row ?? first?.node.parentElement;
      if (!anchor) {
        writeQueue.push(...chunk);
        continue;
      }
      const list = deferred.get(anchor);
      if (list) list.push(...chunk);
      else {
        deferred.set(anchor, chunk);
        nearViewport.observe(anchor);
      }
    }
  }
  ctx.onInvalidated(() => nearViewport?.disconnect());

  // Results are writes too: all that arrive before a frame are shown in that frame, so a long
  // table is laid out once per frame, not once per result.
  const pendingResults = new Map<string, SubjectResult>();
  let resultsScheduled = false;
  function applyResult(key: string, result: SubjectResult): void {
    recovery.note(key, result);
    pendingResults.set(key, result);
    if (resultsScheduled) return;
    resultsScheduled = true;
    nextFrame(ctx, () => {
      const started = performance.now();
      resultsScheduled = false;
      for (const [k, r] of pendingResults) {
        const was = registry.result(k)?.state === 'checking';
        registry.setResult(k, r);
        const now = registry.result(k)?.state === 'checking';
        if (was !== now) checking += now ? 1 : -1;
      }
      pendingResults.clear();
      measurePhase('xinjian:render', started);
      markIfSettled();
    });
  }

  // `xinjian:settled`: every subject read so far has its answer and nothing is left to read or
  // send; a mark with no data (like the phase measures), for the bench and DevTools.
  let checking = 0;
  let settled = false;
  function markIfSettled(): void {
    const now = checking === 0 && reads.size === 0 && lookupQueue.length === 0 && registry.subjects.size > 0;
    if (now && !settled) markPhase('xinjian:settled');
    settled = now;
  }

  function scheduleWrites(): void {
    if (writing || writeQueue.length === 0) return;
    writing = true;
    const asked = performance.now();
    nextFrame(ctx, () => {
      writing = false;
      writeSome(writeBudget(performance.now() - asked));
    });
  }

  // Writes: badges, within the frame budget; the rest waits for the next frame.
  function writeSome(budgetMs = WRITE_BUDGET_MS): void {
    const started = performance.now();
    const wrote = writeQueue.length > 0;
    while (writeQueue.length > 0 && performance.now() - started < budgetMs) {
      for (const { occurrence, subject } of takeNodeGroup(writeQueue)) {
        if (occurrence.field) anchorAfterField(occurrence, state);
        if (!occurrence.node.isConnected) continue;
        const { split } = registry.show(occurrence, subject, initialResult());
        if (split) state.processed.add(split);
      }
    }
    if (wrote) measurePhase('xinjian:render', started);
    scheduleWrites();
  }

  // A new page (load or in-page navigation): forget the old one, tell the background, rescan.
  function begin(): void {
    generation++;
    checking = 0;
    settled = false;
    pendingResults.clear();
    nearViewport?.disconnect();
    nearViewport = null;
    deferred.clear();
    registry.clear();
    requested.clear();
    recovery.clear();
    reads.clear();
    rescanAfter = false;
    scanned = [];
    writeQueue.length = 0;
    lookupQueue = [];
    state = createDetectState();
    layout = layoutFor(location.href, mode.layouts ?? []);
    // Reading the page's facts is part of the scan's work, and measured with it. A layout's
    // bidder tables hold no facts: a 10,000-row list is not walked for them.
    const factsFrom = performance.now();
    const skip = layoutTableTest(layout);
    const facts = pageFacts(document.body, layout, {
      isHidden: createHiddenCheck(),
      state,
      ignore: isOwnUi,
      ...(skip ? { skip } : {}),
    });
    measurePhase('xinjian:scan', factsFrom);
    pageReady = send({
      type: 'cs:page',
      url: location.href,
      title: document.title,
      layoutId: layout?.id ?? null,
      pageCutoff: facts.cutoff?.value ?? null,
      facts,
    }).then((cutoff) => registry.setCutoff(cutoff));
    pageReady.catch((e: unknown) => log.warn('could not start', e));
  }

  const watcher = createDomWatcher(ctx, { ignore: isOwnUi });
  watcher.subscribe((change: DomChange) => {
    if (change.kind === 'navigation') {
      begin(); // the same frame then rescans the whole page
    } else if (change.kind === 'full') {
      registry.prune();
      scanAll();
    } else {
      scan(change.roots);
    }
  });

  listenInContent(ctx.signal, (message) => {
    if (message.type === 'bg:results') {
      for (const { key, result } of message.results) applyResult(key, result);
    } else if (message.type === 'bg:session') {
      if (!message.session) {
        ctx.abort('site disabled');
        return;
      }
      const languageChanged = message.session.language !== session.language;
      session = message.session;
      setLanguage(session.language);
      if (languageChanged) registry.rerenderAll();
    }
  });

  begin();
  // The first scan starts in the next task on a visible tab, not in the next frame: the page was
  // just parsed, and the browser's first frame of it can be 50 ms away. A task of its own, so
  // that reading the page's facts (begin) and its first slice are two stretches, not one. On a
  // hidden tab it waits, like every other.
  ctx.setTimeout(() => watcher.requestFull(true), 0);
}

// Every queued occurrence of the same text node, last first, so splitting the node for one
// badge keeps the offsets of the earlier ones valid.
function takeNodeGroup<T extends { occurrence: Occurrence }>(queue: T[]): T[] {
  const first = queue.shift() as T;
  const group = [first];
  while (queue.length > 0 && queue[0]?.occurrence.node === first.occurrence.node)
    group.push(queue.shift() as T);
  return group.sort((a, b) => b.occurrence.index - a.occurrence.index);
}
