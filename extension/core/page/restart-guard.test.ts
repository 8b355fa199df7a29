import { afterEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { countStart, ignoreForgedRestarts } from './restart-guard.ts';

// The entrypoint name WXT gives the context in this environment.
const NAME = String(import.meta.env.ENTRYPOINT);
const TYPE = `${browser.runtime.id}:${NAME}:wxt:content-script-started`;

const contexts: ContentScriptContext[] = [];
const start = (guarded: boolean): ContentScriptContext => {
  const started = countStart(NAME);
  const ctx = new ContentScriptContext(NAME);
  contexts.push(ctx);
  if (guarded) ignoreForgedRestarts(ctx, NAME, started);
  return ctx;
};
const forge = () =>
  document.dispatchEvent(new CustomEvent(TYPE, { detail: { contentScriptName: NAME, messageId: 'forged' } }));

afterEach(() => {
  for (const ctx of contexts.splice(0)) ctx.abort();
});

describe('ignoreForgedRestarts', () => {
  it('uses the event name WXT uses', () => {
    const wxtName = (ContentScriptContext as unknown as { SCRIPT_STARTED_MESSAGE_TYPE: string })
      .SCRIPT_STARTED_MESSAGE_TYPE;
    expect(wxtName).toBe(TYPE);
  });

  it('keeps the script running when the page forges the event', () => {
    const guarded = start(true);
    forge();
    expect(guarded.isValid).toBe(true);
  });

  it('without it, the forged event would stop the script', () => {
    const unguarded = start(false);
    forge();
    expect(unguarded.isValid).toBe(false);
  });

  it('lets a newer copy of the script stop the older one', () => {
    const older = start(true);
    const newer = start(true);
    expect(older.isValid).toBe(false);
    expect(newer.isValid).toBe(true);
  });
});
