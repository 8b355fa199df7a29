/**
 * Whether an element is hidden from people: `hidden`, `aria-hidden="true"`, `display: none` on
 * it or an ancestor, or `visibility: hidden` (which children inherit). Hidden text gets no
 * badge: a screen reader would not read it and a sighted user would not see it.
 */

/**
 * A per-scan memo of the ancestor walk, so a table of a thousand rows costs one style read
 * per element.
 *
 * @example
 * ```ts
 * const hidden = createHiddenCheck();
 * if (!hidden(cell)) addBadge(cell);
 * ```
 */
export function createHiddenCheck(): (element: Element) => boolean {
  const memo = new Map<Element, boolean>();
  const view = typeof window === 'undefined' ? null : window;

  const selfHidden = (el: Element): boolean => {
    if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
    if (!view) return false;
    const style = view.getComputedStyle(el);
    return style.display === 'none';
  };

  const ancestorsHidden = (el: Element): boolean => {
    const known = memo.get(el);
    if (known !== undefined) return known;
    const parent = el.parentElement;
    const hidden = selfHidden(el) || (parent !== null && ancestorsHidden(parent));
    memo.set(el, hidden);
    return hidden;
  };

  return (element) => {
    if (ancestorsHidden(element)) return true;
    // visibility is inherited, so the element's own computed value already says it.
    return view !== null && view.getComputedStyle(element).visibility === 'hidden';
  };
}
