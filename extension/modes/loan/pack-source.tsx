/**
 * A rule pack's source as the card, the side panel and the options show it: the sentence of
 * {@link packSource}, and where the source is only a name (not a 文号), a link to read it.
 */
import type { JSX } from 'preact';
import { t } from '../../core/i18n.ts';
import { packSource } from './format.ts';
import type { LoanRulePackRef } from './model.ts';

export function PackSource(props: { pack: LoanRulePackRef }): JSX.Element {
  const { citation } = props.pack.source;
  return (
    <>
      {packSource(props.pack)}
      {citation.label === true && citation.url ? (
        <>
          {' '}
          <a href={citation.url} target="_blank" rel="noopener noreferrer">
            {t('citation.source_link')}
          </a>
        </>
      ) : null}
    </>
  );
}
