/**
 * Small helpers for an integrator's own tests: fault headers for a request, the magic subjects
 * of the seed data, and the journal filtered to what a test asserts on.
 */
import { seeds as committedSeeds } from '../../seeds/index.ts';
import type { SeedData } from '../../seeds/schema.ts';
import { MAGIC_TAGS, type MagicTag, parseFaultScript } from './faults.ts';
import type { JournalEntry, MockState } from './state.ts';

/**
 * Headers that make the mock fail a request the way `script` says (see the README's fault
 * table). `id` groups requests that share the script's steps; without it, method + path + key do.
 *
 * @throws Error when the script does not parse, with the parser's reason.
 * @example
 * ```ts
 * const client = createClient({ baseUrl, apiKey: DEMO_API_KEY, defaultHeaders: faultHeaders('503,ok') });
 * ```
 */
export function faultHeaders(script: string, id?: string): Record<string, string> {
  const parsed = parseFaultScript(script);
  if (!parsed.ok) throw new Error(`invalid fault script "${script}": ${parsed.message}`);
  return id === undefined ? { 'X-Mock-Fault': script } : { 'X-Mock-Fault': script, 'X-Mock-Fault-Id': id };
}

/**
 * The USCC of the seed enterprise that carries a `magic:*` tag: naming it in a ratings batch or a
 * report order triggers that tag's fault.
 *
 * @example
 * ```ts
 * const code = magicSubject('magic:503-twice'); // 503, 503, then the real answer
 * ```
 */
export function magicSubject(tag: MagicTag, seeds: SeedData = committedSeeds): string {
  if (!(tag in MAGIC_TAGS)) throw new Error(`unknown magic tag ${tag}`);
  const e = seeds.enterprises.find((x) => x.tags.includes(tag));
  if (e === undefined) throw new Error(`no seed enterprise is tagged ${tag}`);
  return e.subject.uscc;
}

/**
 * The journal entries of finished `/v1` requests, optionally only those for one method and path.
 *
 * @example
 * ```ts
 * const { handlers, state } = createMockApi();
 * // … after the code under test ran:
 * journal(state, { method: 'POST', path: '/v1/ratings/batch' }).length; // batches sent
 * ```
 */
export function journal(state: MockState, filter: { method?: string; path?: string } = {}): JournalEntry[] {
  return state.journal.filter(
    (e) =>
      e.status !== null &&
      (filter.method === undefined || e.method === filter.method.toUpperCase()) &&
      (filter.path === undefined || e.path === filter.path),
  );
}
