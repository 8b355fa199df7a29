/**
 * The permissions the built manifests ask for are exactly the ones docs/security.md lists and
 * explains (its `json xinjian-manifest` block is parsed here, so the document and the builds
 * cannot drift apart): Chrome and Firefox production builds, and the extra local sites of the
 * development and e2e builds.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { lintAddon } from './addons-linter.ts';
import { GECKO_ID } from './firefox.ts';
import { buildVariant, type Variant } from './variants.ts';

const ROOT = join(import.meta.dirname, '../..');
const FIELDS = [
  'permissions',
  'optional_permissions',
  'host_permissions',
  'optional_host_permissions',
  'content_scripts',
  'web_accessible_resources',
] as const;
type Field = (typeof FIELDS)[number];
type Documented = Record<Field, unknown[]>;

/** The block in docs/security.md that states what each manifest asks for. */
function documented(): { chrome: Documented; firefox: Documented; localBuildsAdd: Documented } {
  const doc = readFileSync(join(ROOT, 'docs/security.md'), 'utf8');
  const block = /```json xinjian-manifest\n([\s\S]*?)\n```/.exec(doc)?.[1];
  if (!block) throw new Error('docs/security.md has no ```json xinjian-manifest block');
  return JSON.parse(block) as { chrome: Documented; firefox: Documented; localBuildsAdd: Documented };
}

const manifest = (dir: string) =>
  JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;

// A manifest without the field asks for nothing under it.
const field = (m: Record<string, unknown>, name: Field) => (m[name] as unknown[] | undefined) ?? [];

// Web-accessible resources need a written reason each: they let any page probe for the extension.
const warResources = (entries: unknown[]) =>
  entries.flatMap((e) => (e as { resources?: string[] }).resources ?? []).sort();

function expectDocumented(m: Record<string, unknown>, doc: Documented): void {
  for (const name of FIELDS) {
    if (name === 'web_accessible_resources') continue;
    expect(field(m, name), name).toEqual(doc[name]);
  }
  const war = field(m, 'web_accessible_resources');
  expect(warResources(war)).toEqual(warResources(doc.web_accessible_resources));
  for (const entry of doc.web_accessible_resources)
    expect((entry as { reason?: string }).reason ?? '', 'a reason for each web-accessible resource').not.toBe(
      '',
    );
  // No page and no other extension may message the extension.
  expect(m.externally_connectable).toBeUndefined();
}

describe('the production manifests ask for exactly what docs/security.md lists', () => {
  let firefox: Variant;
  beforeAll(async () => {
    firefox = await buildVariant({ mode: 'production', browser: 'firefox' });
  });
  afterAll(async () => {
    await firefox?.remove();
  });

  it('documents a non-empty permission set for both browsers', () => {
    const doc = documented();
    expect(doc.chrome.permissions.length).toBeGreaterThan(0);
    expect(doc.firefox.permissions.length).toBeGreaterThan(0);
  });

  it('Chrome', () => {
    expectDocumented(manifest(inject('productionDir')), documented().chrome);
  });

  it('Firefox', () => {
    const m = manifest(firefox.dir);
    expectDocumented(m, documented().firefox);
    const gecko = (m.browser_specific_settings as { gecko?: { id?: string; strict_min_version?: string } })
      .gecko;
    expect(gecko?.id).toBe(GECKO_ID);
    // data_collection_permissions needs Firefox 140.
    expect(gecko?.strict_min_version).toBe('140.0');
  });

  it("Firefox: Mozilla's add-on linter finds no error and no manifest warning", async () => {
    const result = await lintAddon(firefox.dir);
    expect(result.errors).toEqual([]);
    expect(result.warnings.filter((w) => w.file === 'manifest.json')).toEqual([]);
  });

  it('the e2e build adds only the local sites', () => {
    const doc = documented();
    const m = manifest(inject('extensionDir'));
    for (const name of FIELDS) {
      if (name === 'web_accessible_resources') continue;
      expect(field(m, name), name).toEqual([...doc.chrome[name], ...doc.localBuildsAdd[name]]);
    }
  });
});
