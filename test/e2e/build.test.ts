/**
 * What the builds ship: the production bundle asks for no site at install, carries no test
 * hook, endpoint or key; the e2e bundle enables the local sites; the content script stays
 * within its size budget (34 KB gzip: it is injected into every page of an enabled site;
 * docs/decisions/0060), and so does the people script injected beside it where a page names
 * people (docs/decisions/0064).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, inject, it } from 'vitest';
import { DEMO_API_KEY } from '../../seeds/index.ts';

const KB = 1024;
const CONTENT_SCRIPT_BUDGET = 34 * KB;

const manifest = (dir: string) =>
  JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
const allCode = (dir: string): string => {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(js|html)$/.test(entry.name)) out.push(readFileSync(path, 'utf8'));
    }
  };
  walk(dir);
  return out.join('\n');
};

describe('the production build', () => {
  const dir = inject('productionDir');

  it('asks for no host at install and registers no content script in the manifest', () => {
    const m = manifest(dir);
    expect(m.permissions).toEqual(['storage', 'scripting', 'activeTab', 'sidePanel']);
    expect(m.optional_host_permissions).toEqual(['http://*/*', 'https://*/*']);
    expect(m.host_permissions).toBeUndefined();
    expect(m.content_scripts).toBeUndefined();
    // Only the card frame, under Chrome's per-session id (docs/decisions/0024).
    expect(m.web_accessible_resources).toEqual([
      { resources: ['card.html'], matches: ['http://*/*', 'https://*/*'], use_dynamic_url: true },
    ]);
  });

  it('contains no test hook, no default endpoint and no demo key', () => {
    const code = allCode(dir);
    expect(code).not.toContain('xinjianTest');
    expect(code).not.toContain('data-xinjian-test');
    expect(code).not.toContain(DEMO_API_KEY);
    // The refusal message for plain http:// names loopback hosts in prose; an endpoint would be a URL.
    expect(code).not.toMatch(/https?:\/\/(?:127\.0\.0\.1|localhost)[:/]/);
  });
});

describe('the e2e build', () => {
  it('enables the local sites without a prompt', () => {
    expect(manifest(inject('extensionDir')).host_permissions).toEqual([
      'http://127.0.0.1/*',
      'http://localhost/*',
    ]);
  });
});

describe('the content script', () => {
  for (const [name, dir] of [
    ['production', inject('productionDir')],
    ['e2e', inject('extensionDir')],
  ] as const) {
    it(`${name}: within ${CONTENT_SCRIPT_BUDGET / KB} KB gzip, without zod or ky`, () => {
      const code = readFileSync(join(dir, 'content-scripts/content.js'));
      expect(gzipSync(code).length).toBeLessThanOrEqual(CONTENT_SCRIPT_BUDGET);
      expect(code.toString()).not.toMatch(/ZodError|\$ZodType|HTTPError\b/);
    });
    it(`${name}: the people script within ${CONTENT_SCRIPT_BUDGET / KB} KB gzip, without zod or ky`, () => {
      const code = readFileSync(join(dir, 'content-scripts/people.js'));
      expect(gzipSync(code).length).toBeLessThanOrEqual(CONTENT_SCRIPT_BUDGET);
      expect(code.toString()).not.toMatch(/ZodError|\$ZodType|HTTPError\b/);
    });
  }
});

describe('the icons', () => {
  // Width and height from the PNG's IHDR chunk (bytes 16–23), after checking the signature.
  const pngSize = (file: string) => {
    const png = readFileSync(file);
    expect(png.subarray(0, 8).toString('hex'), file).toBe('89504e470d0a1a0a');
    return [png.readUInt32BE(16), png.readUInt32BE(20)];
  };

  for (const [name, dir] of [
    ['production', inject('productionDir')],
    ['e2e', inject('extensionDir')],
  ] as const) {
    it(`${name}: the manifest lists a PNG of each size the browsers ask for`, () => {
      const icons = manifest(dir).icons as Record<string, string>;
      expect(Object.keys(icons).sort((a, b) => Number(a) - Number(b))).toEqual(['16', '32', '48', '128']);
      for (const [size, file] of Object.entries(icons)) {
        expect(pngSize(join(dir, file))).toEqual([Number(size), Number(size)]);
      }
    });
  }
});
