/**
 * Markers for values read from form controls (a readonly `<input>`, a `<textarea>`): the value
 * has no text node in the page, so the marker goes right after the control.
 */

/** An occurrence that may be a form control's value. */
export interface FieldPlace {
  field?: Element | null;
  node: Text;
  index: number;
  length: number;
}

/**
 * A value read from a form control has no text node in the page: its marker goes right after
 * the control, at an empty text node written there (in the write phase) and marked handled.
 */
export function anchorAfterField(occurrence: FieldPlace, state: { processed: WeakSet<Node> }): void {
  const field = occurrence.field;
  if (!field?.isConnected || occurrence.node.isConnected) return;
  const anchor = field.ownerDocument.createTextNode('');
  field.after(anchor);
  state.processed.add(anchor);
  occurrence.node = anchor;
  occurrence.index = 0;
  occurrence.length = 0;
}
