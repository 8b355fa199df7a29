/**
 * How check results are shown: terminal table cells, result-CSV columns and `--json` objects.
 */
import { CREDIT_LENDING_RULE_SET, type Finding, formatCitation, type LocalizedText } from '@xinjian/sdk';
import { type CsvValue, sanitizeDeep } from '@xinjian/sdk/evidence';
import type { RowCheck, SubjectCheck } from './check.ts';
import { asExcelText } from './excel.ts';
import {
  formatGrade,
  type Language,
  OUTCOME_LABELS,
  outcomeLabel,
  paren,
  scaleInForce,
  tr,
} from './labels.ts';
import { renderTable } from './table.ts';

// A name that is not a 文号 (the court's 失信 rules) says so, as in the evidence record.
function citationText(lang: Language, f: Finding): string {
  const docs = [...new Set(f.citations.map((c) => formatCitation(c, lang)))];
  return docs.length === 0 ? '' : `〔${docs.join('；')}〕`;
}

function subjectName(s: SubjectCheck): string {
  return s.subject?.name ?? s.query;
}

function failureText(lang: Language, s: SubjectCheck): string {
  const f = s.failure;
  if (f === null) return '';
  const parts = [f.status === null ? f.name : `HTTP ${f.status}`, f.code, f.requestId].filter(
    (p): p is string => p !== null && p !== '',
  );
  return `${tr(lang, f.text)}${paren(lang, parts.join(' · '))}`;
}

/**
 * Why a row ended as it did, one line per reason: rejected inputs, unavailable calls,
 * candidates of an ambiguous name, then the rule pack's bars, reviews and missing sources.
 *
 * @example
 * ```ts
 * rowReasons('zh', row); // ['失信被执行人：……〔财库〔2016〕125号〕']
 * ```
 */
export function rowReasons(lang: Language, row: RowCheck): string[] {
  if (row.outcome === 'interrupted') {
    return [
      tr(lang, {
        zh: '核查在得到本行结果前被中断',
        en: 'the run was stopped before this row had its answers',
      }),
    ];
  }
  const out: string[] = [];
  const consortium = row.subjects.length > 1;
  for (const s of row.subjects) {
    const who = s.query === '' ? '' : `${s.query}: `;
    switch (s.status) {
      case 'invalid':
        out.push(`${who}${tr(lang, s.problem?.message ?? { zh: '代码无效', en: 'invalid code' })}`);
        break;
      case 'unavailable':
        out.push(`${who}${failureText(lang, s)}`);
        break;
      case 'not_found':
        out.push(`${who}${tr(lang, { zh: '未找到该主体', en: 'no such subject' })}`);
        break;
      case 'ambiguous':
        out.push(
          tr(lang, {
            zh: `"${s.query}"匹配到 ${s.candidates.length} 个主体，未自动选择，请人工确认：`,
            en: `"${s.query}" matches ${s.candidates.length} subjects; none was picked, confirm by hand:`,
          }),
          ...s.candidates.map(
            (c) =>
              `  · ${c.subject.name}${paren(lang, `${c.subject.region.name} · ${c.subject.uscc}`)} ${tr(
                lang,
                {
                  zh: `置信度 ${Math.round(c.confidence * 100)}%`,
                  en: `confidence ${Math.round(c.confidence * 100)}%`,
                },
              )}`,
          ),
        );
        break;
      case 'found':
        break;
    }
  }
  const names = new Map(
    row.subjects.flatMap((s) => (s.subject ? [[s.subject.id, s.subject.name] as const] : [])),
  );
  for (const f of row.evaluation?.findings ?? []) {
    if (f.severity === 'info') continue;
    const prefix =
      consortium &&
      f.code !== 'consortium.member_failed' &&
      f.code !== 'guarantor.failed' &&
      names.has(f.subjectId)
        ? `[${names.get(f.subjectId)}] `
        : '';
    out.push(`${prefix}${tr(lang, f.message)}${citationText(lang, f)}`);
  }
  for (const n of row.notes) out.push(tr(lang, n));
  if (out.length === 0 && row.outcome === 'pass') {
    out.push(tr(lang, { zh: '未发现不良信用记录', en: 'no adverse credit records' }));
  }
  return out;
}

/**
 * Grades of the row's found subjects (tax credit excluded), one per line, with scale and issuer.
 * A scale replaced before the cutoff (customs 251号 after 2026-03-31) is left out here; the
 * JSON output and the evidence keep every grade.
 *
 * @example
 * ```ts
 * gradeLines('zh', row); // ['AA+ 人行长期信用等级 · 中诚信国际']
 * ```
 */
export function gradeLines(lang: Language, row: RowCheck): string[] {
  const found = row.subjects.filter((s) => s.summary !== null);
  return found.flatMap((s) => {
    const prefix = found.length > 1 ? `${subjectName(s)}: ` : '';
    const day = row.evaluation?.cutoff;
    return (s.summary?.grades ?? [])
      .filter((g) => g.scale !== 'tax_credit' && (day === undefined || scaleInForce(g.scale, day)))
      .map((g) => `${prefix}${formatGrade(lang, g, day)}`);
  });
}

/**
 * The latest 纳税信用 grade of each found subject, e.g. `A（2025年度）`.
 *
 * @example
 * ```ts
 * taxLines('en', row); // ['A (2025)']
 * ```
 */
export function taxLines(lang: Language, row: RowCheck): string[] {
  const found = row.subjects.filter((s) => s.summary !== null);
  return found.map((s) => {
    const prefix = found.length > 1 ? `${subjectName(s)}: ` : '';
    const latest = [...(s.summary?.taxCredit ?? [])].sort((a, b) => b.year - a.year)[0];
    if (latest === undefined) return `${prefix}—`;
    return `${prefix}${latest.grade}${tr(lang, { zh: `（${latest.year}年度）`, en: ` (${latest.year})` })}`;
  });
}

function nameLines(lang: Language, row: RowCheck): string[] {
  const lines: string[] = [];
  const first = row.subjects[0];
  if (row.subjects.length === 1 && first?.subject) {
    lines.push(first.subject.name);
  } else {
    lines.push(row.target.name ?? row.target.label);
    if (row.subjects.length > 1) {
      lines.push(
        tr(
          lang,
          row.evaluation?.ruleSet.id === CREDIT_LENDING_RULE_SET.id
            ? {
                zh: `借款企业及担保人（${row.subjects.length - 1} 家担保人）`,
                en: `borrower and guarantors (${row.subjects.length - 1} guarantors)`,
              }
            : {
                zh: `联合体（${row.subjects.length} 家成员）`,
                en: `consortium (${row.subjects.length} members)`,
              },
        ),
      );
      for (const s of row.subjects) lines.push(`  · ${subjectName(s)}`);
    }
  }
  for (const s of row.subjects) {
    if (s.match !== null) {
      const pct = Math.round(s.match.confidence * 100);
      lines.push(
        tr(lang, {
          zh: `（按名称"${s.query}"匹配，置信度 ${pct}%）`,
          en: `(matched by name "${s.query}", confidence ${pct}%)`,
        }),
      );
    }
  }
  return lines;
}

function codeLines(row: RowCheck): string[] {
  return row.subjects.map((s) => s.subject?.uscc ?? (s.by === 'code' ? s.query : '—'));
}

/**
 * Column headers of the terminal table and of the result CSV's added columns.
 *
 * @example
 * ```ts
 * HEADERS.verdict.zh; // '结论'
 * ```
 */
export const HEADERS = {
  name: { zh: '名称', en: 'Name' },
  uscc: { zh: '统一社会信用代码', en: 'USCC' },
  grades: { zh: '评级', en: 'Grades' },
  tax: { zh: '纳税信用', en: 'Tax credit' },
  verdict: { zh: '结论', en: 'Verdict' },
  reasons: { zh: '原因', en: 'Reasons' },
  queriedAt: { zh: '查询时间', en: 'Queried at' },
  matchedCode: { zh: '匹配代码', en: 'Matched code' },
  confidence: { zh: '匹配置信度', en: 'Match confidence' },
  cutoff: { zh: '截止时点', en: 'Cut-off' },
  ruleSet: { zh: '规则集', en: 'Rule set' },
} as const satisfies Record<string, LocalizedText>;

/**
 * The terminal table of results.
 *
 * @example
 * ```ts
 * process.stdout.write(renderResultTable('zh', rows, process.stdout.columns));
 * ```
 */
export function renderResultTable(lang: Language, rows: readonly RowCheck[], maxWidth?: number): string {
  const headers = [
    HEADERS.name,
    HEADERS.uscc,
    HEADERS.grades,
    HEADERS.tax,
    HEADERS.verdict,
    HEADERS.reasons,
  ].map((h) => tr(lang, h));
  const body = rows.map((r) => [
    nameLines(lang, r),
    codeLines(r),
    gradeLines(lang, r).length > 0 ? gradeLines(lang, r) : ['—'],
    r.subjects.some((s) => s.summary) ? taxLines(lang, r) : ['—'],
    outcomeLabel(lang, r.outcome),
    rowReasons(lang, r),
  ]);
  return renderTable(
    headers,
    body,
    maxWidth === undefined ? { wrap: [0, 2, 5] } : { maxWidth, wrap: [0, 2, 5] },
  );
}

/**
 * The columns the result CSV adds to each input row: 评级, 纳税信用, 结论, 原因, 查询时间.
 *
 * @example
 * ```ts
 * resultColumns('zh', row); // ['AA 人行长期信用等级 · …', 'A（2025年度）', '通过', '未发现不良信用记录', '2026-11-01T10:00:00+08:00']
 * ```
 */
export function resultColumns(lang: Language, row: RowCheck): string[] {
  return [
    gradeLines(lang, row).join('；'),
    row.subjects.some((s) => s.summary) ? taxLines(lang, row).join('；') : '',
    tr(lang, OUTCOME_LABELS[row.outcome]),
    rowReasons(lang, row)
      .map((l) => l.trim())
      .join('；'),
    row.queriedAt,
  ];
}

/**
 * The result CSV's match columns: the code of each subject found (kept as text for a
 * spreadsheet), how sure the match is (1 for a code, the name search's confidence otherwise),
 * the cut-off the rules were applied at, and the rule set with its version.
 *
 * @example
 * ```ts
 * matchColumns('zh', row, '2026-11-20'); // [{ excelText: … } or '91110000561976492Q', '1', '2026-11-20', '政府采购… (cn-gp-credit-check 2026.1)']
 * ```
 */
export function matchColumns(lang: Language, row: RowCheck, cutoff: string): CsvValue[] {
  const found = row.subjects.filter((s) => s.subject !== null);
  const codes = found.map((s) => s.subject?.uscc ?? '');
  const confidence = found.map((s) => (s.match === null ? '1' : String(s.match.confidence)));
  const ruleSet = row.evaluation?.ruleSet;
  return [
    codes.length === 1 ? asExcelText(codes[0] ?? '') : codes.join('；'),
    confidence.join('；'),
    row.evaluation?.cutoff ?? cutoff,
    ruleSet === undefined ? '' : `${tr(lang, ruleSet.title)} (${ruleSet.id} ${ruleSet.version})`,
  ];
}

/**
 * One `--json` object per row: the input, the outcome, each subject's lookup with its rating
 * summary, and the rule pack's evaluation.
 *
 * @example
 * ```ts
 * JSON.stringify(rows.map(toJsonRow));
 * ```
 */
export function toJsonRow(row: RowCheck) {
  // Summaries stay as the service signed them; everything else loses invisible controls.
  const clean = sanitizeDeep({ ...row, subjects: row.subjects.map((s) => ({ ...s, summary: null })) });
  row = {
    ...clean,
    subjects: clean.subjects.map((s, i) => ({ ...s, summary: row.subjects[i]?.summary ?? null })),
  };
  return {
    input: row.target,
    outcome: row.outcome,
    queriedAt: row.queriedAt,
    subjects: row.subjects.map((s) => ({
      query: s.query,
      by: s.by,
      status: s.status,
      queriedAt: s.queriedAt,
      subject: s.subject,
      match: s.match,
      candidates: s.candidates,
      summary: s.summary,
      problem: s.problem,
      error: s.failure,
    })),
    evaluation: row.evaluation,
    notes: row.notes,
  };
}
