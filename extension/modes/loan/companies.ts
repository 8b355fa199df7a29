/**
 * The companies of a loan page, screened as enterprises in the background: the developer, a
 * guarantor, the borrower's employer. What the content script sends is checked first (an ID
 * number is never looked up as a company, a text that does not read as a company name is not
 * looked up at all), then each is resolved with the core's screening under `credit`, and kept
 * in the tab's loan record beside the borrowers. Their results never reach the household
 * verdict, its evidence or the decision record (docs/decisions/0049, 0061).
 */
import { XinjianError } from '@xinjian/sdk';
import {
  CREDIT_CATEGORY_RULES,
  CREDIT_LENDING_RULES,
  type CreditLendingConfig,
  type CreditLendingRules,
} from '@xinjian/sdk/rules';
import { clientFor } from '../../core/background/client.ts';
import { orgName } from '../../core/reader/names.ts';
import { cleanPageSubjects, pageKey } from '../../core/screening/background/personal-check.ts';
import {
  type ResolveContext,
  resolveCode,
  resolveSubject,
  unavailable,
} from '../../core/screening/background/resolve.ts';
import type { PageSubject, SubjectResult } from '../../core/screening/model.ts';
import { normalizeName } from '../../core/screening/subjects.ts';
import { loadSettings, siteFor } from '../../core/settings.ts';
import {
  LOAN_COMPANY_PARTS,
  type LoanCompany,
  type LoanCompanyPart,
  type LoanCompanyRef,
  type LoanTabRecord,
} from './model.ts';
import { getLoanTab, updateLoanTab } from './tabs.ts';

/** The most companies one loan page keeps: a form names a handful, never hundreds. */
export const LOAN_COMPANIES_MAX = 40;

type Lowered = CreditLendingRules & { version: string };

// Every `bar` of a pack, as `review`: the pack's structure, citations and thresholds stay.
function barsAsReview<T>(value: T): T {
  if (Array.isArray(value)) return value.map(barsAsReview) as T;
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value))
    out[k] = k === 'severity' && v === 'bar' ? 'review' : barsAsReview(v);
  return out as T;
}

/**
 * The `credit` pack with every bar lowered to review, for a developer, an employer or a company
 * under no label: their listing is something the officer weighs, not a bar on the loan
 * (docs/decisions/0061). Its version says so, so a result never passes for the default pack's.
 */
export const LOWERED_CREDIT_CONFIG: CreditLendingConfig = {
  rules: {
    ...barsAsReview(CREDIT_LENDING_RULES),
    version: `${CREDIT_LENDING_RULES.version}+review`,
  } as Lowered,
  categoryRules: {
    ...barsAsReview(CREDIT_CATEGORY_RULES),
    version: `${CREDIT_CATEGORY_RULES.version}+review`,
  },
};

/**
 * The `credit` configuration a company's part is screened under: a guarantor as the pack stands
 * (an active 失信 listing bars a guarantee), every other part with its bars lowered to review.
 */
export function companyConfig(part: LoanCompanyPart): CreditLendingConfig | undefined {
  return part === 'guarantor' ? undefined : LOWERED_CREDIT_CONFIG;
}

function partOf(value: unknown): LoanCompanyPart {
  return LOAN_COMPANY_PARTS.includes(value as LoanCompanyPart) ? (value as LoanCompanyPart) : 'other';
}

const NOT_A_COMPANY: SubjectResult = {
  state: 'invalid',
  expectedCheckChar: null,
  message: {
    zh: '不是企业名称：未查询，也未发送',
    en: 'Not a company name: not looked up and not sent',
  },
};

/**
 * The companies of one `cs:loan-companies`, checked: keys, names and codes cleaned, a code that
 * is an ID number made an invalid subject (never sent), the role kept as `mention`, the part one
 * of {@link LOAN_COMPANY_PARTS}. `lookup: false` for a name that does not read as a company's.
 */
export function cleanCompanies(
  tabId: number,
  companies: readonly LoanCompanyRef[],
): Array<LoanCompanyRef & { lookup: boolean }> {
  const list = Array.isArray(companies) ? companies.slice(0, LOAN_COMPANIES_MAX) : [];
  const subjects = cleanPageSubjects(
    tabId,
    list.map((c) => ({ ...c.subject, role: 'mention', consortium: null })),
  );
  return subjects.map((subject, i) => {
    const part = partOf(list[i]?.part);
    // A name is looked up only when it reads as a company's: never a person's name, never a
    // masked number (`*` is no character of a company name).
    const byName = subject.code === null && subject.invalid === null;
    const lookup = !byName || (subject.name !== null && orgName(subject.name) !== null);
    return { subject: { ...subject, role: 'mention' } satisfies PageSubject, part, lookup };
  });
}

function contextFor(record: LoanTabRecord, part: LoanCompanyPart, client: ResolveContext['client']) {
  const config = companyConfig(part);
  // The review date is the loan's; a company is judged on the same day as its people.
  return {
    client,
    ruleSet: 'credit',
    asOf: record.asOf,
    cutoff: record.asOf,
    ...(config ? { config } : {}),
  } satisfies ResolveContext;
}

async function requireLoanPage(from: { tabId: number; url: string | null }): Promise<LoanTabRecord> {
  const settings = await loadSettings();
  if (!from.url || siteFor(from.url, settings.sites)?.mode !== 'loan') {
    throw new XinjianError('loan_mode_off: loan companies are checked only on sites set to loan mode');
  }
  const record = await getLoanTab(from.tabId);
  if (!record) throw new XinjianError('no_page: companies before cs:loan-page');
  return record;
}

// Only into the record of the page that asked: an answer that arrives after the tab started
// another page (an in-page navigation) belongs to none of its companies.
async function storeCompany(page: LoanTabRecord, company: LoanCompany): Promise<void> {
  await updateLoanTab(page.tabId, (r) => {
    if (r.startedAt !== page.startedAt) return;
    const list = r.companies ?? [];
    const at = list.findIndex((c) => c.subject.key === company.subject.key);
    if (at >= 0) list[at] = company;
    else if (list.length < LOAN_COMPANIES_MAX) list.push(company);
    r.companies = list;
  });
}

// A name is printed the way the register writes it, but with either width of bracket, letter or
// space: compared as every subject key compares it.
const sameName = (a: string, b: string) => normalizeName(a) === normalizeName(b);

const usccOf = (c: LoanCompany): string | null =>
  c.result.state === 'done'
    ? c.result.summary.subject.uscc
    : c.subject.code?.kind === 'uscc'
      ? c.subject.code.value
      : null;

// The stricter part wins: a company that is the guarantor is screened as one, and a label beats
// none (docs/decisions/0062).
const stricter = (a: LoanCompanyPart, b: LoanCompanyPart): LoanCompanyPart =>
  a === 'guarantor' || b === 'guarantor' ? 'guarantor' : a === 'other' ? b : a;

async function dropCompany(page: LoanTabRecord, key: string): Promise<void> {
  await updateLoanTab(page.tabId, (r) => {
    if (r.startedAt !== page.startedAt) return;
    r.companies = (r.companies ?? []).filter((c) => c.subject.key !== key);
  });
}

/**
 * Screens the companies a loan page shows and keeps them in the tab's loan record, each with its
 * part; returns each one's result under the key the page's script knows it by. A name printed
 * beside its code (`售房单位` and `售房单位统一社会信用代码`) is one company: codes are resolved
 * first, and a name that is a code company's registered name, or resolves to its USCC, joins
 * that company's row and gets its result (docs/decisions/0062).
 */
export async function checkLoanCompanies(
  from: { tabId: number; url: string | null },
  companies: readonly LoanCompanyRef[],
): Promise<Array<{ key: string; result: SubjectResult }>> {
  const record = await requireLoanPage(from);
  const settings = await loadSettings();
  const cleaned = cleanCompanies(from.tabId, companies);
  let client: ResolveContext['client'] | null = null;
  let clientError: unknown = null;
  try {
    client = clientFor(settings);
  } catch (e) {
    clientError = e;
  }
  for (const c of cleaned)
    await storeCompany(record, {
      subject: c.subject,
      part: c.part,
      result: { state: 'checking', attempt: 0 },
    });
  const resolve = async (c: { subject: PageSubject; lookup: boolean }, part: LoanCompanyPart) =>
    !c.lookup
      ? NOT_A_COMPANY
      : client === null
        ? unavailable(clientError)
        : await resolveSubject(contextFor(record, part, client), c.subject);
  const isName = (c: LoanCompanyRef) => c.subject.code === null && c.subject.invalid === null;
  const results = new Map<string, SubjectResult>();
  await Promise.all(
    cleaned
      .filter((c) => !isName(c))
      .map(async (c) => {
        const result = await resolve(c, c.part);
        await storeCompany(record, { subject: c.subject, part: c.part, result });
        results.set(c.subject.key, result);
      }),
  );
  // The page's code companies so far, this message's and earlier ones'.
  const codeCompanies = async () => {
    const now = await getLoanTab(from.tabId);
    return now?.startedAt === record.startedAt ? (now.companies ?? []).filter((k) => k.subject.code) : [];
  };
  await Promise.all(
    cleaned.filter(isName).map(async (c) => {
      const name = c.subject.name ?? '';
      let target = (await codeCompanies()).find(
        (k) => k.result.state === 'done' && sameName(k.result.summary.subject.name, name),
      );
      let result: SubjectResult | null = null;
      if (!target && c.lookup) {
        result = await resolve(c, c.part);
        const uscc = result.state === 'done' ? result.summary.subject.uscc : null;
        target = uscc ? (await codeCompanies()).find((k) => usccOf(k) === uscc) : undefined;
      }
      if (!target) {
        const own = result ?? (await resolve(c, c.part));
        await storeCompany(record, { subject: c.subject, part: c.part, result: own });
        results.set(c.subject.key, own);
        return;
      }
      const part = stricter(target.part, c.part);
      // Screened again only when the stricter part has another rule set (a guarantor's bars).
      const merged =
        companyConfig(part) === companyConfig(target.part)
          ? target.result
          : await resolve({ subject: target.subject, lookup: true }, part);
      await dropCompany(record, c.subject.key);
      await storeCompany(record, { ...target, part, result: merged });
      results.set(target.subject.key, merged);
      results.set(c.subject.key, merged);
    }),
  );
  return cleaned.map((c) => ({
    key: pageKey(from.tabId, c.subject.key),
    result: results.get(c.subject.key) ?? unavailable(null),
  }));
}

/**
 * The officer picked one of an ambiguous name's candidates in its card: looked up by that
 * candidate's code, only when the page's company offered it.
 */
export async function pickLoanCompany(
  from: { tabId: number; url: string | null },
  request: { key: string; uscc: string },
): Promise<SubjectResult> {
  const record = await requireLoanPage(from);
  const company = record.companies?.find((c) => c.subject.key === String(request.key));
  const candidate =
    company?.result.state === 'ambiguous'
      ? company.result.candidates.find((x) => x.subject.uscc === String(request.uscc))
      : undefined;
  if (!company || !candidate) throw new XinjianError('not_announced: no such candidate for this company');
  let result: SubjectResult;
  try {
    const client = clientFor(await loadSettings());
    result = await resolveCode(contextFor(record, company.part, client), candidate.subject.uscc, {
      confidence: candidate.confidence,
      matchType: candidate.matchType,
      sameNameCount: candidate.sameNameCount,
    });
  } catch (e) {
    result = unavailable(e);
  }
  await storeCompany(record, { ...company, result });
  return result;
}
