/**
 * Parts that every person's card in the frame shows alike, whichever mode asked: the preview
 * chip on focus and the list of reports that could not be read.
 */
import type { JSX } from 'preact';

/** The preview on focus: the state's icon and word in a chip, then the masked person. */
export function PersonPreview(props: {
  state: string;
  icon: string;
  label: string;
  line: string;
  ariaLabel: string;
}): JSX.Element {
  return (
    <div class={`preview s-${props.state}`} role="status" aria-live="polite" aria-label={props.ariaLabel}>
      <span class="chip">
        <span class="icon" aria-hidden="true">
          {props.icon}
        </span>
        <strong class="verdict">{props.label}</strong>
      </span>
      <span class="name">{props.line}</span>
    </div>
  );
}

/** The reports of a lookup that could not be read, as one line (`product (code)、…`). */
export function failedProductList(products: readonly { productId: string; code: string }[]): string {
  return products.map((x) => `${x.productId} (${x.code})`).join('、');
}
