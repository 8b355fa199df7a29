import { evaluateLegalRepresentative } from '@xinjian/sdk/rules';
import { type IndividualSeed, individualsByTag } from '../../../seeds/index.ts';
import { maskedId, maskedName } from '../personal.ts';
import type { TabPerson } from './model.ts';

function seedPerson(tag: string): IndividualSeed {
  const p = individualsByTag(tag)[0];
  if (!p) throw new Error(`no seed individual tagged ${tag}`);
  return p;
}

/** The 法定代表人 looked up after consent: listed as a 失信被执行人, so the person's verdict is review. */
export const LISTED_REP = seedPerson('edge:hf-dishonest');
/** The 法定代表人 still waiting for the officer's consent. */
export const WAITING_REP = seedPerson('credit-case:cc-1');

/** The authorization the officer confirmed for {@link LISTED_REP}. */
export const REP_CONSENT = {
  purpose: 'credit_lending',
  reference: 'SX-2026-001',
  grantedAt: '2026-11-24',
  confirmedAt: '2026-11-25T02:00:00.000Z',
};

/**
 * The people of a credit application as the background keeps them in a tab record: the listed
 * representative looked up (its reports under `reportIds`), the other still waiting for consent.
 */
export function applicationPeople(opts: { reportIds?: string[]; group?: string | null } = {}): TabPerson[] {
  const report = { ...LISTED_REP.content, generatedAt: '2026-11-25T09:00:00+08:00' };
  const person = (p: IndividualSeed, key: string) => ({
    key,
    role: 'legal_representative',
    idMasked: maskedId(p.idNumber),
    nameMasked: maskedName(p.name),
    group: opts.group ?? null,
  });
  return [
    {
      person: person(LISTED_REP, 'person:1'),
      result: {
        state: 'done',
        result: evaluateLegalRepresentative(report, { asOf: '2026-11-25', cutoff: '2026-11-20' }),
        checkedAt: '2026-11-25T02:01:00.000Z',
        reportIds: opts.reportIds ?? ['rpt-p-1'],
        failedProducts: [],
      },
      report,
      consent: REP_CONSENT,
    },
    { person: person(WAITING_REP, 'person:2'), result: { state: 'consent' }, report: null },
  ];
}

/**
 * A representative whose lookup failed after consent (the service unavailable), as the tab
 * record keeps it: the reason in both languages, nothing found.
 */
export function failedPerson(key = 'person:3'): TabPerson {
  return {
    person: {
      key,
      role: 'legal_representative',
      idMasked: maskedId(LISTED_REP.idNumber),
      nameMasked: maskedName(LISTED_REP.name),
      group: null,
    },
    result: {
      state: 'error',
      code: 'service_unavailable',
      reason: {
        zh: '信用服务暂时不可用（503），请稍后重试。',
        en: 'The credit service is unavailable (503); try again later.',
      },
      retryable: true,
    },
    report: null,
    consent: REP_CONSENT,
  };
}
