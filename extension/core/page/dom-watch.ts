/**
 * The content script's one MutationObserver (Dark Reader's budgeted tree observer): mutations
 * are queued and handled once per animation frame; past a threshold the frame does a full
 * rescan instead of walking every added node; nothing runs while the tab is hidden; an in-page
 * navigation (`wxt:locationchange`) is reported separately. Everything stops with the context.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { nextFrame } from './frames.ts';

/** What a subscriber is told in one frame. */
export type DomChange =
  | { kind: 'nodes'; roots: Node[] }
  | { kind: 'full' }
  | { kind: 'navigation'; url: string };

/** Options of {@link createDomWatcher}. */
export interface DomWatcherOptions {
  /** Mutation records per frame above which the frame rescans the whole page. */
  fullRescanThreshold?: number;
  /** Elements whose subtree mutations are ignored (the extension's own UI). */
  ignore?: (node: Node) => boolean;
}

/**
 * The shared watcher. Features subscribe; the watcher owns the observer and the scheduling.
 */
export interface DomWatcher {
  subscribe(listener: (change: DomChange) => void): () => void;
  /**
   * Schedule a full rescan for the next frame; `now`: at once, when the tab is visible (the
   * first scan of a page just parsed need not wait for the browser's first frame).
   */
  requestFull(now?: boolean): void;
}

/** Default threshold: a page that changes more than this in one frame is rescanned whole. */
export const DEFAULT_FULL_RESCAN_THRESHOLD = 500;

/**
 * Creates the watcher for a content-script context.
 */
export function createDomWatcher(ctx: ContentScriptContext, options: DomWatcherOptions = {}): DomWatcher {
  const threshold = options.fullRescanThreshold ?? DEFAULT_FULL_RESCAN_THRESHOLD;
  const ignore = options.ignore ?? (() => false);
  const listeners = new Set<(change: DomChange) => void>();
  const pending = new Set<Node>();
  let pendingCount = 0;
  let full = false;
  let navigation: string | null = null;
  let scheduled = false;

  const emit = (change: DomChange) => {
    for (const listener of listeners) listener(change);
  };

  const flush = () => {
    scheduled = false;
    if (ctx.isInvalid) return;
    if (document.hidden) return; // visibilitychange reschedules
    const nav = navigation;
    navigation = null;
    if (nav !== null) emit({ kind: 'navigation', url: nav });
    if (full || pendingCount > threshold) {
      full = false;
      pending.clear();
      pendingCount = 0;
      emit({ kind: 'full' });
      return;
    }
    if (pending.size === 0) return;
    const roots = topmost([...pending]);
    pending.clear();
    pendingCount = 0;
    emit({ kind: 'nodes', roots });
  };

  const schedule = () => {
    if (scheduled || ctx.isInvalid || document.hidden) return;
    scheduled = true;
    nextFrame(ctx, flush);
  };

  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (isInsideIgnored(record.target, ignore) || isOwnInsertion(record, ignore)) continue;
      pendingCount++;
      if (pendingCount > threshold) continue; // a full rescan is coming anyway
      if (record.type === 'childList') {
        for (const node of record.addedNodes) if (!ignore(node) && !isBlank(node)) pending.add(node);
      } else {
        const target = record.type === 'characterData' ? record.target.parentNode : record.target;
        if (target) pending.add(target);
      }
    }
    schedule();
  });
  observer.observe(document.documentElement, {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
    attributeFilter: ['hidden', 'aria-hidden', 'style', 'class'],
  });
  ctx.onInvalidated(() => observer.disconnect());

  ctx.addEventListener(document, 'visibilitychange', () => {
    if (!document.hidden && (full || pending.size > 0 || navigation !== null)) schedule();
  });
  ctx.addEventListener(window, 'wxt:locationchange', (event) => {
    navigation = event.newUrl.href;
    full = true;
    schedule();
  });

  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    requestFull(now = false) {
      full = true;
      // flush() itself waits on a hidden tab (visibilitychange reschedules) and stops when invalid.
      if (now) flush();
      else schedule();
    },
  };
}

// Whitespace between appended rows has nothing to read, and a text root is read as its parent:
// for rows added to a long table, the whole table once per gap between two rows.
function isBlank(node: Node): boolean {
  return node.nodeType === 3 && !/\S/.test((node as Text).data);
}

// Adding or removing our own UI (a badge next to a code) is not a page change.
function isOwnInsertion(record: MutationRecord, ignore: (node: Node) => boolean): boolean {
  if (record.type !== 'childList') return false;
  const nodes = [...record.addedNodes, ...record.removedNodes];
  return nodes.length > 0 && nodes.every(ignore);
}

function isInsideIgnored(node: Node, ignore: (node: Node) => boolean): boolean {
  for (let n: Node | null = node; n; n = n.parentNode) if (ignore(n)) return true;
  return false;
}

/**
 * Drops nodes contained in another listed node (and detached ones), so each subtree is walked
 * once.
 */
export function topmost(nodes: readonly Node[]): Node[] {
  const set = new Set(nodes);
  return nodes.filter((node) => {
    if (!node.isConnected) return false;
    for (let p = node.parentNode; p; p = p.parentNode) if (set.has(p)) return false;
    return true;
  });
}
