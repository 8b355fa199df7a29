import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createDomWatcher, type DomChange, topmost } from './dom-watch.ts';

let ctx: ContentScriptContext;
beforeEach(() => {
  document.body.innerHTML = '<table><tbody id="rows"></tbody></table>';
  ctx = new ContentScriptContext('dom-watch-test');
});
afterEach(() => ctx.abort());

function nextChange(watcher: ReturnType<typeof createDomWatcher>): Promise<DomChange> {
  return new Promise((resolve) => {
    const stop = watcher.subscribe((change) => {
      stop();
      resolve(change);
    });
  });
}

describe('createDomWatcher', () => {
  it('reports added subtrees once per frame, outermost only', async () => {
    const watcher = createDomWatcher(ctx);
    const changed = nextChange(watcher);
    const row = document.createElement('tr');
    row.innerHTML = '<td>1</td><td>91110000600037341L</td>';
    document.getElementById('rows')?.append(row);
    row.append(document.createElement('td'));
    const change = await changed;
    expect(change).toEqual({ kind: 'nodes', roots: [row] });
  });

  // 1,000 rows appended as HTML come with 1,000 runs of whitespace between them; each was a root
  // of its own, read as its parent, the whole table: 1,000 reads of an 11,000-row table.
  it('reports appended rows without the whitespace between them', async () => {
    const watcher = createDomWatcher(ctx);
    const changed = nextChange(watcher);
    const tbody = document.getElementById('rows') as HTMLElement;
    const rows = ['91110000600037341L', '91320000134772340X'].map((code) => {
      const row = document.createElement('tr');
      row.innerHTML = `<td>${code}</td>`;
      return row;
    });
    // What the HTML parser makes of `\n <tr>…</tr>\n <tr>…</tr>\n` appended to a tbody.
    const gap = () => document.createTextNode('\n  ');
    tbody.append(gap(), rows[0] as HTMLElement, gap(), rows[1] as HTMLElement, gap());
    const change = await changed;
    expect(change).toEqual({ kind: 'nodes', roots: rows });
  });

  it('still reports text with something to read', async () => {
    const watcher = createDomWatcher(ctx);
    const changed = nextChange(watcher);
    const text = document.createTextNode('统一社会信用代码 91110000600037341L');
    document.body.append(document.createTextNode(' \n '), text);
    expect(await changed).toEqual({ kind: 'nodes', roots: [text] });
  });

  // Each frame asked through the context's requestAnimationFrame left an abort listener on its
  // signal, never removed: on a 10,000-row page thousands, each new one slower to add.
  it('leaves no listener behind per frame it asks for', async () => {
    const watcher = createDomWatcher(ctx);
    const add = vi.spyOn(ctx.signal, 'addEventListener');
    const before = add.mock.calls.length;
    for (let i = 0; i < 30; i++) {
      const changed = nextChange(watcher);
      document.body.append(document.createElement('p'));
      await changed;
    }
    expect(add.mock.calls.length - before).toBeLessThanOrEqual(1);
  });

  it('ignores the extension’s own UI', async () => {
    const watcher = createDomWatcher(ctx, { ignore: (n) => n.nodeName === 'XINJIAN-BADGE' });
    const changed = nextChange(watcher);
    document.body.append(document.createElement('xinjian-badge'));
    const p = document.createElement('p');
    document.body.append(p);
    expect(await changed).toEqual({ kind: 'nodes', roots: [p] });
  });

  it('rescans the whole page past the threshold', async () => {
    const watcher = createDomWatcher(ctx, { fullRescanThreshold: 10 });
    const changed = nextChange(watcher);
    for (let i = 0; i < 11; i++) document.body.append(document.createElement('p'));
    expect(await changed).toEqual({ kind: 'full' });
  });

  it('waits while the tab is hidden and catches up when it is shown', async () => {
    const hidden = Object.getOwnPropertyDescriptor(Document.prototype, 'hidden');
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
    try {
      const watcher = createDomWatcher(ctx);
      const seen: DomChange[] = [];
      watcher.subscribe((c) => seen.push(c));
      const p = document.createElement('p');
      document.body.append(p);
      await new Promise<void>((resolve) =>
        requestAnimationFrame(() => requestAnimationFrame(() => resolve())),
      );
      expect(seen).toEqual([]);
      const shown = nextChange(watcher);
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => false });
      document.dispatchEvent(new Event('visibilitychange'));
      expect(await shown).toEqual({ kind: 'nodes', roots: [p] });
    } finally {
      delete (document as { hidden?: boolean }).hidden;
      if (hidden) expect(Object.getOwnPropertyDescriptor(document, 'hidden')).toBeUndefined();
    }
  });

  it('rescans the whole page at once when asked to on a visible tab, and waits on a hidden one', async () => {
    const watcher = createDomWatcher(ctx);
    const seen: DomChange[] = [];
    watcher.subscribe((c) => seen.push(c));
    watcher.requestFull(true);
    expect(seen).toEqual([{ kind: 'full' }]);
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
    try {
      watcher.requestFull(true);
      await new Promise<void>((resolve) =>
        requestAnimationFrame(() => requestAnimationFrame(() => resolve())),
      );
      expect(seen).toHaveLength(1);
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => false });
      document.dispatchEvent(new Event('visibilitychange'));
      await new Promise<void>((resolve) =>
        requestAnimationFrame(() => requestAnimationFrame(() => resolve())),
      );
      expect(seen).toEqual([{ kind: 'full' }, { kind: 'full' }]);
    } finally {
      delete (document as { hidden?: boolean }).hidden;
    }
  });

  it('stops when the context is invalidated', async () => {
    const watcher = createDomWatcher(ctx);
    const seen: DomChange[] = [];
    watcher.subscribe((c) => seen.push(c));
    ctx.abort();
    document.body.append(document.createElement('p'));
    // A later frame would have delivered the change; after it, nothing arrived.
    await new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
    expect(seen).toEqual([]);
  });
});

describe('topmost', () => {
  it('drops nodes inside other listed nodes, and detached ones', () => {
    const outer = document.createElement('div');
    const inner = document.createElement('span');
    outer.append(inner);
    document.body.append(outer);
    const detached = document.createElement('p');
    expect(topmost([inner, outer, detached])).toEqual([outer]);
  });
});
