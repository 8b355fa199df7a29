/**
 * A finding's citations as the card and the side panel show them: `文号 条款`, joined. A
 * document known only by a name the project gave it (not its 文号) says so and links its source,
 * so nobody searches for a number that does not exist.
 */
import type { Citation } from '@xinjian/sdk';
import { Fragment, type JSX } from 'preact';
import { t } from '../i18n.ts';

export function Citations(props: { citations: readonly Citation[] }): JSX.Element {
  return (
    <>
      {props.citations.map((c, i) => (
        <Fragment key={i}>
          {i > 0 ? t('citation.separator') : null}
          {c.label === true && c.url ? (
            <a href={c.url} target="_blank" rel="noopener noreferrer">
              {c.documentNo}
            </a>
          ) : (
            c.documentNo
          )}
          {c.label === true ? t('citation.label') : null}
          {c.article ? ` ${c.article}` : null}
        </Fragment>
      ))}
    </>
  );
}
