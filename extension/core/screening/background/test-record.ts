import { type RunningMockServer, startMockServer } from '../../../../mock-server/src/index.ts';
import { loadTestSeeds } from '../../../../seeds/generate.ts';
import type { SeedData } from '../../../../seeds/schema.ts';
import type { TabRecord } from '../model.ts';

/**
 * A tab record as the background starts it for a procurement page the content script has not
 * read yet: no subjects, no 联合体, a fixed cut-off. For tests that feed lookups to a tab.
 */
export function emptyTabRecord(tabId: number, url = 'http://127.0.0.1/demo/bidders'): TabRecord {
  return {
    tabId,
    url,
    title: 'bidders',
    mode: 'procurement',
    ruleSet: 'procurement',
    layoutId: null,
    pageCutoff: null,
    cutoff: { date: '2026-11-20', source: 'fixed' },
    startedAt: '2026-11-25T10:00:00+08:00',
    subjects: [],
    consortia: [],
  };
}

/**
 * A real mock server over `size` generated seeds whose demo key is never rate-limited, for tests
 * that push thousands of lookups through the background, with the codes of its ordinary
 * companies (no `magic:` subjects).
 */
export async function startBulkMock(
  size: number,
): Promise<{ server: RunningMockServer; seeds: SeedData; usccs: string[] }> {
  const { seeds, usccs } = loadTestSeeds(size);
  const server = await startMockServer({ port: 0, seeds, reportDelayMs: 0 });
  return { server, seeds, usccs };
}
