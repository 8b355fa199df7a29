/**
 * The side panel in loan mode: the household verdict over every borrower on the page (who
 * made it ineligible), the borrowers with their authorizations and verdicts, the decision
 * record export (JSON with its SHA-256, printable page), and one borrower's personal report
 * (masked, as the API returns it).
 */

import type { CreditAccount } from '@xinjian/sdk';
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { getLanguage, localized, type MessageKey, t } from '../../core/i18n.ts';
import { send } from '../../core/messages.ts';
import { redactIds } from '../../core/personal.ts';
import {
  channelLabel,
  formatDateTime,
  stateIcon,
  stateLabel,
  truncate,
  unavailableReason,
} from '../../core/screening/format.ts';
import { displayState, type SubjectResult } from '../../core/screening/model.ts';
import { download, stamp } from '../../core/ui/common.tsx';
import { definePanel } from '../../core/ui/mode-views.ts';
import { FactList } from './card.tsx';
import {
  borrowerLine,
  householdLabel,
  loanStateIcon,
  loanStateLabel,
  packLine,
  roleLabel,
} from './format.ts';
import './company-strings.ts';
import {
  BUSINESS_NO_MAX,
  LOAN_COMPANY_PARTS,
  type LoanBorrower,
  type LoanCompany,
  type LoanDisplayState,
  type LoanHousehold,
  type LoanTabRecord,
  loanDisplayState,
} from './model.ts';
import { PackSource } from './pack-source.tsx';
import { sealLoanRecord } from './record.ts';
import './strings.ts';
import { loanStorageKey } from './tabs.ts';
import '../../core/ui/page-strings.ts';

/**
 * A loan verdict (or state) as icon, word and colour.
 */
export function LoanChip({ state, label }: { state: LoanDisplayState; label?: string }): JSX.Element {
  return (
    <span class={`chip s-${state}`} data-state={state}>
      <span aria-hidden="true">{loanStateIcon(state)}</span>
      <span>{label ?? loanStateLabel(state)}</span>
    </span>
  );
}

/**
 * The loan side panel.
 */
export function LoanPanel(props: {
  record: LoanTabRecord;
  operator: string;
  initialKey: string | null;
}): JSX.Element {
  const { record } = props;
  const [key, setKey] = useState<string | null>(props.initialKey);
  const [hash, setHash] = useState<string | null>(null);
  const selected = key ? record.borrowers.find((b) => b.key === key) : undefined;

  const exportJson = async () => {
    const sealed = await sealLoanRecord(record, { operator: props.operator, language: getLanguage() });
    setHash(sealed.digest.value);
    download(`xinjian-loan-review-${stamp()}.json`, JSON.stringify(sealed, null, 2), 'application/json');
  };
  const print = () => {
    void browser.tabs.create({ url: browser.runtime.getURL(`/evidence.html?mode=loan&tab=${record.tabId}`) });
  };

  return (
    <main class="panel loan">
      <h1>{t('loan.panel.title')}</h1>
      <dl class="muted page-facts">
        <div>
          <dt>{t('loan.panel.page')}</dt>
          <dd title={truncate(record.url, 300)}>{truncate(record.title || record.url, 80)}</dd>
        </div>
        <div>
          <dt>{t('loan.panel.review_date')}</dt>
          <dd data-testid="review-date">{record.asOf}</dd>
          {record.asOfSource === 'data' ? (
            <dd data-testid="review-date-note">{t('loan.panel.review_date_data', { date: record.asOf })}</dd>
          ) : null}
        </div>
        <BusinessNo record={record} />
        <div data-testid="pack">
          <dt>{t('loan.card.pack')}</dt>
          <dd>{packLine(record.rulePack)}</dd>
          <dd>
            <PackSource pack={record.rulePack} />
          </dd>
        </div>
      </dl>
      {selected ? (
        <BorrowerReport borrower={selected} onBack={() => setKey(null)} />
      ) : (
        <>
          <Household record={record} />
          <section aria-label={t('loan.panel.borrowers')}>
            <h2>{t('loan.panel.borrowers')}</h2>
            {record.borrowers.length === 0 ? <p class="muted">{t('loan.panel.no_borrowers')}</p> : null}
            <table class="data" data-testid="borrowers">
              <thead>
                <tr>
                  <th>{t('loan.panel.col_role')}</th>
                  <th>{t('loan.panel.col_name')}</th>
                  <th>{t('loan.panel.col_auth')}</th>
                  <th>{t('loan.panel.col_verdict')}</th>
                </tr>
              </thead>
              <tbody>
                {record.borrowers.map((b) => (
                  <tr key={b.key} data-key={b.key} data-state={loanDisplayState(b.result)}>
                    <td>{roleLabel(b.role)}</td>
                    <td>
                      <button type="button" class="link" onClick={() => setKey(b.key)}>
                        {b.nameMasked ?? '—'}
                      </button>
                      <div class="code muted small">{b.idMasked}</div>
                    </td>
                    <td class="small">
                      {b.consent ? (
                        <>
                          {b.consent.reference}
                          <div class="muted">{b.consent.grantedAt}</div>
                        </>
                      ) : (
                        <span class="muted">{t('loan.state.consent')}</span>
                      )}
                    </td>
                    <td>
                      <LoanChip state={loanDisplayState(b.result)} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <Companies companies={record.companies ?? []} />
          <div class="toolbar">
            <button type="button" class="primary" onClick={exportJson}>
              {t('loan.panel.export_json')}
            </button>
            <button type="button" onClick={print}>
              {t('loan.panel.print')}
            </button>
          </div>
          {hash ? (
            <p class="hash" data-testid="sha256">
              {t('loan.panel.sha256')}: <span class="code">{hash}</span>
            </p>
          ) : null}
        </>
      )}
    </main>
  );
}

// The application's 业务编号: read from the page where it prints one, confirmed or changed by
// the officer, and carried into the sealed record.
function BusinessNo({ record }: { record: LoanTabRecord }): JSX.Element {
  const kept = record.businessNo ?? null;
  const [value, setValue] = useState(kept?.value ?? '');
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // A new page (or the officer's own save) brings its number in.
  useEffect(() => setValue(kept?.value ?? ''), [kept?.value]);
  const save = async () => {
    setError(null);
    try {
      await send({ type: 'page:loan-business-no', tabId: record.tabId, value });
      setSaved(true);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <div data-testid="business-no">
      <dt>
        <label for="business-no">{t('loan.business_no.label')}</label>
      </dt>
      <dd>
        <form
          class="row"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <input
            id="business-no"
            name="businessNo"
            value={value}
            maxLength={BUSINESS_NO_MAX}
            autoComplete="off"
            onInput={(e) => {
              setValue((e.currentTarget as HTMLInputElement).value);
              setSaved(false);
            }}
          />
          <button type="submit">{t('loan.business_no.confirm')}</button>
        </form>
      </dd>
      <dd class="small" data-testid="business-no-source">
        {kept?.readFrom
          ? t('loan.business_no.read', { label: kept.readFrom })
          : kept
            ? t('loan.business_no.officer')
            : t('loan.business_no.none')}
        {saved ? ` · ${t('loan.business_no.confirmed')}` : ''}
      </dd>
      {error ? (
        <dd>
          <p class="error" role="alert">
            {error}
          </p>
        </dd>
      ) : null}
    </div>
  );
}

function householdState(household: LoanHousehold): LoanDisplayState {
  return household.state === 'done' ? household.result.verdict : 'checking';
}

function Household({ record }: { record: LoanTabRecord }): JSX.Element {
  const { household } = record;
  const own =
    household.state === 'done' ? household.result.findings.filter((f) => f.subjectId === 'household') : [];
  const decisive = own.filter((f) => f.code === 'household.borrower_ineligible');
  const rest = own.filter((f) => f.code !== 'household.borrower_ineligible');
  return (
    <section aria-label={t('loan.panel.household')} data-testid="household">
      <h2>{t('loan.panel.household')}</h2>
      <p>
        <LoanChip state={householdState(household)} label={householdLabel(household)} />
      </p>
      {decisive.length > 0 ? (
        <>
          <div>{t('loan.household.decided_by')}</div>
          <ul data-testid="household-decided-by">
            {decisive.map((f, i) => (
              <li key={`${f.code}-${i}`} class="sev-bar">
                {redactIds(localized(f.message))}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {rest.length > 0 ? (
        <ul class="muted small">
          {rest.map((f, i) => (
            <li key={`${f.code}-${i}`}>{redactIds(localized(f.message))}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

// The companies on the page, by part (guarantors first), each with its verdict as icon and word
// and the reason in a sentence. Kept apart from the household: they never decide it.
function Companies({ companies }: { companies: readonly LoanCompany[] }): JSX.Element {
  const list = [...companies].sort(
    (a, b) => LOAN_COMPANY_PARTS.indexOf(a.part) - LOAN_COMPANY_PARTS.indexOf(b.part),
  );
  return (
    <section aria-label={t('loan.companies.title')} data-testid="companies">
      <h2>{t('loan.companies.title')}</h2>
      <p class="muted small">{t('loan.companies.note')}</p>
      {list.length === 0 ? (
        <p class="muted">{t('loan.companies.none')}</p>
      ) : (
        <table class="data">
          <thead>
            <tr>
              <th>{t('loan.companies.col_company')}</th>
              <th>{t('loan.companies.col_part')}</th>
              <th>{t('loan.companies.col_verdict')}</th>
              <th>{t('loan.companies.col_reason')}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((c) => {
              const state = displayState(c.result);
              const summary = c.result.state === 'done' ? c.result.summary.subject : null;
              const name =
                summary?.name ?? c.subject.name ?? c.subject.code?.value ?? c.subject.invalid?.raw ?? '';
              const code = summary?.uscc ?? c.subject.code?.value ?? null;
              return (
                <tr key={c.subject.key} data-key={c.subject.key} data-part={c.part} data-state={state}>
                  <td>
                    {truncate(name, 60)}
                    {code && code !== name ? <div class="code muted small">{code}</div> : null}
                  </td>
                  <td>
                    {t(`loan.companies.part.${c.part}`)}
                    <div class="muted small">
                      {t(
                        c.part === 'guarantor'
                          ? 'loan.companies.rules.guarantor'
                          : 'loan.companies.rules.lowered',
                      )}
                    </div>
                  </td>
                  <td>
                    <span class={`chip s-${state}`} data-state={state}>
                      <span aria-hidden="true">{stateIcon(state)}</span>
                      <span>{stateLabel(state, c.result)}</span>
                    </span>
                  </td>
                  <td class="small">{companyReason(c.result)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}

/**
 * Why a company on a loan page has its verdict, in one sentence: the weightiest finding, the
 * reason it could not be checked, or what the officer still has to do.
 */
export function companyReason(result: SubjectResult): string {
  const missing = unavailableReason(result);
  if (missing) return redactIds(missing);
  switch (result.state) {
    case 'done': {
      const weighed = result.screening.findings.filter(
        (f) => f.severity === 'bar' || f.severity === 'review',
      );
      const top = weighed.find((f) => f.severity === 'bar') ?? weighed[0];
      return top ? redactIds(localized(top.message)) : t('loan.companies.no_findings');
    }
    case 'not_found':
      return t('card.not_found_detail');
    case 'invalid':
      return redactIds(localized(result.message));
    case 'ambiguous':
      return t('loan.companies.ambiguous');
    case 'idle':
      return t('loan.companies.idle');
    default:
      return '';
  }
}

function BorrowerReport({ borrower, onBack }: { borrower: LoanBorrower; onBack: () => void }): JSX.Element {
  const { result, report } = borrower;
  const state = loanDisplayState(result);
  return (
    <section class="report" aria-label={t('loan.panel.report')} data-testid="loan-report">
      <button type="button" onClick={onBack}>
        ← {t('loan.panel.back')}
      </button>
      <h2>{borrowerLine(borrower)}</h2>
      <p>
        <LoanChip state={state} />
      </p>
      {borrower.consent ? (
        <p class="muted">
          {t('loan.card.authorization', {
            reference: borrower.consent.reference,
            date: borrower.consent.grantedAt,
          })}
        </p>
      ) : null}
      {result.state === 'error' ? <p class="error">{redactIds(localized(result.reason))}</p> : null}
      {result.state === 'done' ? (
        <>
          <h3>{t('loan.card.findings')}</h3>
          <ul>
            {result.review.findings.map((f, i) => (
              <li key={`${f.code}-${i}`} class={`sev-${f.severity}`}>
                [{t(`severity.${f.severity === 'missing' ? 'review' : f.severity}` as MessageKey)}]{' '}
                {redactIds(localized(f.message))}
                {f.months && f.months.length > 0 ? (
                  <div class="muted small">
                    {t('loan.card.months', { months: f.months.join(t('loan.panel.list_sep')) })}
                  </div>
                ) : null}
              </li>
            ))}
            {result.review.findings.length === 0 ? <li class="muted">{t('loan.card.no_findings')}</li> : null}
          </ul>
          <h3>{t('loan.card.facts')}</h3>
          <FactList facts={result.facts} />
          <p class="muted small">
            {t(result.asOfSource === 'data' ? 'loan.card.as_of_data' : 'loan.card.as_of', {
              date: result.asOf,
            })}{' '}
            · {t('loan.card.checked_at', { time: formatDateTime(result.checkedAt) })} ·{' '}
            {result.reportIds.join(' ')}
          </p>
        </>
      ) : null}
      <h2>{t('loan.panel.report')}</h2>
      {!report ? <p class="muted">{t('loan.panel.not_looked_up')}</p> : null}
      {report ? (
        <div data-testid="personal-report">
          <h3>{t('loan.panel.subject')}</h3>
          <p>
            {redactIds(report.subject.nameMasked)} ·{' '}
            <span class="code">{redactIds(report.subject.idNumberMasked)}</span>
          </p>
          <h3>{t('loan.panel.accounts')}</h3>
          {report.creditAccounts.length === 0 ? <p class="muted">{t('loan.panel.none')}</p> : null}
          {report.creditAccounts.map((a) => (
            <Account key={a.id} account={a} />
          ))}
          <h3>{t('loan.panel.dishonest')}</h3>
          <ul>
            {report.dishonestListings.map((r) => (
              <li key={r.id}>
                {r.listedAt} {r.court} {r.caseNo}
                {r.removedAt ? `（${r.removedAt}）` : ''}
              </li>
            ))}
            {report.dishonestListings.length === 0 ? <li class="muted">{t('loan.panel.none')}</li> : null}
          </ul>
          <h3>{t('loan.panel.court')}</h3>
          <ul>
            {report.courtEnforcements.map((c) => (
              <li key={c.id}>
                {c.filedAt} {c.court} {c.caseNo}（{t(`loan.court_status.${c.status}`)}）
              </li>
            ))}
            {report.courtEnforcements.length === 0 ? <li class="muted">{t('loan.panel.none')}</li> : null}
          </ul>
          <h3>{t('loan.panel.fund')}</h3>
          {report.housingFund ? (
            <>
              <p>
                {t('loan.panel.fund_line', {
                  city: report.housingFund.city,
                  center: localized(report.housingFund.center),
                  status: t(`loan.fund_status.${report.housingFund.status}`),
                })}
              </p>
              <DepositGrid deposits={report.housingFund.deposits.slice(-24)} />
            </>
          ) : (
            <p class="muted">{t('loan.panel.none')}</p>
          )}
          <h3>{t('loan.panel.sources')}</h3>
          <ul>
            {report.sources.map((s) => (
              <li key={s.channel}>
                {channelLabel(s.channel)} ·{' '}
                {s.status === 'ok' ? formatDateTime(s.fetchedAt) : t('state.unavailable')}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}

type Deposit = { month: string; amountYuan: number; paid: boolean };

/**
 * The deposit months as a grid with a year and month label on each cell, and the same facts
 * as one sentence (paid months, unpaid months by name) for screen readers and print.
 */
function DepositGrid({ deposits }: { deposits: readonly Deposit[] }): JSX.Element | null {
  if (deposits.length === 0) return <p class="muted">{t('loan.panel.none')}</p>;
  const unpaid = deposits.filter((d) => !d.paid).map((d) => d.month);
  const summary = t(unpaid.length === 0 ? 'loan.panel.deposits_all_paid' : 'loan.panel.deposits_summary', {
    from: deposits[0]?.month ?? '',
    to: deposits.at(-1)?.month ?? '',
    paid: deposits.length - unpaid.length,
    total: deposits.length,
    unpaid: unpaid.join(t('loan.panel.list_sep')),
  });
  return (
    <figure class="deposits" data-testid="deposits">
      <figcaption class="small">{summary}</figcaption>
      <ol class="deposit-grid small" aria-hidden="true">
        {deposits.map((d) => (
          <li
            key={d.month}
            title={`${d.month} ${d.amountYuan}`}
            class={d.paid ? 'paid' : 'unpaid sev-bar'}
            data-month={d.month}
          >
            <span class="month">
              {d.month.endsWith('-01') || d === deposits[0] ? d.month.slice(0, 4) : '\u00a0'}
            </span>
            <span class="month">{t('loan.panel.month', { m: Number(d.month.slice(5, 7)) })}</span>
            <span class="mark">{d.paid ? '■' : '□'}</span>
          </li>
        ))}
      </ol>
    </figure>
  );
}

function Account({ account: a }: { account: CreditAccount }): JSX.Element {
  return (
    <div class="account">
      <div>
        <strong>{t(`loan.acct.${a.type}`)}</strong> · {a.institution} · {a.openedAt}
        {a.fiveCategory ? ` · ${t('loan.fact.five_category')} ${t(`loan.five.${a.fiveCategory}`)}` : ''}
        {a.cardStatus ? ` · ${t(`loan.cardstatus.${a.cardStatus}`)}` : ''}
      </div>
      <div class="muted small">
        {t('loan.panel.grid')} {a.repayment[0]?.month}..{a.repayment.at(-1)?.month}
      </div>
      <div class="grid code small">
        {a.repayment.map((r) => (
          <span key={r.month} title={r.month} class={/^[1-7]$/.test(r.status) ? 'sev-bar' : ''}>
            {r.status}
          </span>
        ))}
      </div>
      {a.currentOverduePeriods > 0 ? (
        <div class="sev-bar small">
          {t('loan.fact.current_overdue')}：
          {t('loan.fact.current_overdue_value', {
            periods: a.currentOverduePeriods,
            amount: a.currentOverdueAmountYuan.toLocaleString('zh-CN'),
          })}
        </div>
      ) : null}
    </div>
  );
}

/** The loan mode's side-panel view (core/ui/mode-views.ts). */
export const panel = definePanel<LoanTabRecord>({
  load: (tabId) => send({ type: 'page:get-loan-tab', tabId }),
  storageKey: loanStorageKey,
  View: (props) => <LoanPanel {...props} />,
});
