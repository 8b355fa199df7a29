/**
 * Budgeted reads (docs/decisions/0010): detection takes its roots from a queue, and a root with
 * a large subtree is replaced by its children before it is read, so one frame never walks a
 * whole flooded page. The caller reads roots until its frame budget is spent and continues in
 * the next frame.
 */

/** Milliseconds of detection per animation frame. */
export const READ_BUDGET_MS = 12;

/** A root with more descendant elements (or child nodes) than this is read child by child. */
export const SPLIT_ABOVE_NODES = 1_000;

/**
 * Whether a root is too large to read in one piece.
 */
export function isLarge(node: Node, limit = SPLIT_ABOVE_NODES): boolean {
  if (node.nodeType !== 1) return false;
  const element = node as Element;
  if (element.firstElementChild === null) return element.childNodes.length > limit;
  // Count descendants in document order, stopping past the limit: a tiny root costs a few
  // steps, a huge one `limit` steps, never its whole subtree.
  let count = 0;
  let next: Element | null = element.firstElementChild;
  // Each DOM accessor read once per step: a long list asks this of every one of its rows.
  while (next) {
    if (++count > limit) return true;
    const child: Element | null = next.firstElementChild;
    if (child) {
      next = child;
      continue;
    }
    let sibling: Element | null = next.nextElementSibling;
    while (!sibling) {
      next = next.parentElement;
      if (!next || next === element) return element.childNodes.length > limit;
      sibling = next.nextElementSibling;
    }
    next = sibling;
  }
  return element.childNodes.length > limit;
}

/**
 * Roots waiting to be read, in document order within each added batch. A newer batch is read
 * before what is left of an older one; each root is read once, whatever the order.
 */
export class ReadQueue {
  // The next root is the last element: pushing and taking are O(1), splitting keeps order.
  readonly #stack: Node[] = [];
  readonly #limit: number;

  constructor(limit = SPLIT_ABOVE_NODES) {
    this.#limit = limit;
  }

  /** Roots left, counting a large one as one. */
  get size(): number {
    return this.#stack.length;
  }

  push(roots: readonly Node[]): void {
    for (let i = roots.length - 1; i >= 0; i--) {
      const root = roots[i];
      if (root) this.#stack.push(root);
    }
  }

  /** The next root small enough to read in one piece, or `null` when the queue is empty. */
  next(): Node | null {
    for (;;) {
      const root = this.#stack.pop();
      if (root === undefined) return null;
      if (!root.isConnected) continue;
      if (!isLarge(root, this.#limit)) return root;
      const children = root.childNodes;
      for (let i = children.length - 1; i >= 0; i--) {
        const child = children[i];
        // Elements, and text with something to read (not the whitespace between rows).
        if (child?.nodeType === 1 || (child?.nodeType === 3 && /\S/.test((child as Text).data)))
          this.#stack.push(child);
      }
    }
  }

  clear(): void {
    this.#stack.length = 0;
  }
}
