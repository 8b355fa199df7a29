/**
 * Whether an element is hidden from people: `hidden`, `aria-hidden="true"`, `display: none` on
 * it or an ancestor, `visibility: hidden` (which children inherit), or the "visually hidden"
 * patterns: clipped to nothing, squeezed to a pixel with its overflow cut, or positioned far
 * off screen. Hidden text gets no badge and no lookup: nobody would see the badge, and a page
 * must not be able to make the extension look up codes it does not show.
 */

// How far off screen a positioned element must be to count as hidden.
const OFF_SCREEN_PX = -1000;

/**
 * A per-scan memo of the ancestor walk, so a table of a thousand rows costs one style read
 * per element.
 */
export function createHiddenCheck(): (element: Element) => boolean {
  // Per element, as bits: hidden by itself or an ancestor (1), its own visibility hidden (2).
  // One style read each; a number, not an object, per element of a long list.
  const memo = new Map<Element, number>();
  const view = typeof window === 'undefined' ? null : window;

  const check = (el: Element): number => {
    const known = memo.get(el);
    if (known !== undefined) return known;
    let hidden = el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true';
    let invisible = false;
    if (!hidden && view) {
      const style = view.getComputedStyle(el);
      hidden = style.display === 'none' || visuallyHidden(style);
      // visibility is inherited, so the element's own computed value already says it.
      invisible = style.visibility === 'hidden';
    }
    const parent = el.parentElement;
    if (!hidden && parent !== null) hidden = (check(parent) & HIDDEN) !== 0;
    const result = (hidden ? HIDDEN : 0) | (invisible ? INVISIBLE : 0);
    memo.set(el, result);
    return result;
  };

  return (element) => check(element) !== 0;
}

const HIDDEN = 1;
const INVISIBLE = 2;

/**
 * The "visually hidden" patterns of a positioned element, read from its computed style (no
 * layout): `clip: rect(0 0 0 0)`, `clip-path: inset(50%)`, at most one pixel wide and high with
 * its overflow cut, or placed more than 1000 px beyond the top or left edge.
 */
export function visuallyHidden(style: CSSStyleDeclaration): boolean {
  if (style.position !== 'absolute' && style.position !== 'fixed') return false;
  if (/^rect\(\s*0(px)?[\s,]+0(px)?[\s,]+0(px)?[\s,]+0(px)?\s*\)$/.test(style.clip ?? '')) return true;
  if (/^inset\(\s*(50|100)%/.test(style.clipPath ?? '')) return true;
  const px = (v: string | undefined) => (v?.endsWith('px') ? Number.parseFloat(v) : Number.NaN);
  if (px(style.width) <= 1 && px(style.height) <= 1 && style.overflow !== 'visible') return true;
  return px(style.left) <= OFF_SCREEN_PX || px(style.top) <= OFF_SCREEN_PX;
}
