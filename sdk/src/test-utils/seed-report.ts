/** Seed enterprises in the shapes the API returns, for rule-pack tests. */
import { type EnterpriseSeed, SEED_AS_OF } from '../../../seeds/index.ts';
import type { EnterpriseReportContent } from '../resources/reports.ts';

/** A seed enterprise as the report API returns it. */
export function asReport(
  e: EnterpriseSeed,
  patch: Partial<EnterpriseReportContent> = {},
): EnterpriseReportContent {
  return {
    subjectType: 'enterprise',
    subject: e.subject,
    grades: e.grades,
    lists: e.lists,
    records: e.records,
    sources: e.sources,
    generatedAt: `${SEED_AS_OF}T09:00:00+08:00`,
    ...patch,
  };
}
