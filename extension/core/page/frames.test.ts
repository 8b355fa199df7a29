import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { nextFrame } from './frames.ts';

let ctx: ContentScriptContext;
beforeEach(() => {
  ctx = new ContentScriptContext('frames-test');
});
afterEach(() => ctx.abort());

const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

describe('nextFrame', () => {
  it('runs each callback once, in its frame, with one listener on the context for all of them', async () => {
    const add = vi.spyOn(ctx.signal, 'addEventListener');
    const ran: number[] = [];
    for (let i = 0; i < 50; i++) nextFrame(ctx, () => ran.push(i));
    expect(ran).toEqual([]);
    await frame();
    await frame();
    expect(ran).toEqual([...Array(50).keys()]);
    nextFrame(ctx, () => ran.push(50));
    await frame();
    await frame();
    expect(ran).toHaveLength(51);
    expect(add).toHaveBeenCalledTimes(1);
  });

  it('drops the frames still pending when the context is invalidated', async () => {
    const ran: string[] = [];
    nextFrame(ctx, () => ran.push('before'));
    await frame();
    await frame();
    nextFrame(ctx, () => ran.push('after'));
    ctx.abort();
    await frame();
    await frame();
    expect(ran).toEqual(['before']);
  });
});
