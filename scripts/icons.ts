/**
 * Renders the toolbar and store icons from their SVG sources into public/icon/<size>.png
 * (WXT lists them in the manifest): public/icon.svg for 32, 48 and 128 px, and the simpler
 * public/icon-small.svg for 16 px, where the lens would blur. Chromium draws them, so the PNGs
 * match what the browser shows for the SVG. Run `node scripts/icons.ts` after editing a source
 * and commit the PNGs.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const ROOT = join(import.meta.dirname, '..');
const SIZES: ReadonlyArray<[size: number, source: string]> = [
  [16, 'icon-small.svg'],
  [32, 'icon.svg'],
  [48, 'icon.svg'],
  [128, 'icon.svg'],
];

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  mkdirSync(join(ROOT, 'public/icon'), { recursive: true });
  for (const [size, source] of SIZES) {
    const svg = readFileSync(join(ROOT, 'public', source), 'utf8');
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(
      `<!doctype html><style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`,
    );
    const png = await page.screenshot({
      omitBackground: true,
      clip: { x: 0, y: 0, width: size, height: size },
    });
    writeFileSync(join(ROOT, 'public/icon', `${size}.png`), png);
    console.log(`public/icon/${size}.png`);
  }
} finally {
  await browser.close();
}
