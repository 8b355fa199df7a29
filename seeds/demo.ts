/**
 * The demo's fixed facts, with no imports: build configuration (`wxt.config.ts`) reads them
 * before any workspace package is resolvable from source.
 */

/** The day the seed data describes: "today" for every date in it. */
export const SEED_AS_OF = '2026-11-01';
/** The 截止时点 of the demo tender (投标截止时间), used by the demo pages and edge cases. */
export const DEMO_CUTOFF = '2026-11-20';
/** The demo API key printed by the mock server; entitled to every product. */
export const DEMO_API_KEY = 'xj_demo_2b7e151628aed2a6abf71588';
