/**
 * Animation frames for a content script. WXT's `ctx.requestAnimationFrame` adds an abort
 * listener to the context's signal for every frame and never removes it: a page read and
 * badged over thousands of frames collected thousands, each new one slower to add than the
 * last. Here one listener per context cancels whatever frames are still pending.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

const pendingByContext = new WeakMap<ContentScriptContext, Set<number>>();

/**
 * Runs `callback` in the next animation frame while `ctx` is valid; returns the frame's id.
 *
 * @example
 * ```ts
 * nextFrame(ctx, () => writeSome());
 * ```
 */
export function nextFrame(ctx: ContentScriptContext, callback: FrameRequestCallback): number {
  let pending = pendingByContext.get(ctx);
  if (!pending) {
    const frames = new Set<number>();
    pending = frames;
    pendingByContext.set(ctx, frames);
    ctx.onInvalidated(() => {
      for (const id of frames) cancelAnimationFrame(id);
      frames.clear();
    });
  }
  const frames = pending;
  const id = requestAnimationFrame((time) => {
    frames.delete(id);
    if (ctx.isValid) callback(time);
  });
  frames.add(id);
  return id;
}
