import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import expectedPages from '../../../seeds/pages/expected.json' with { type: 'json' };
import { createHiddenCheck } from '../page/visibility.ts';
import { createDetectState, detect } from '../scan/detect.ts';
import { toPlacements } from './placements.ts';

function placementsOf(page: string) {
  const html = readFileSync(join(process.cwd(), 'seeds/pages', page), 'utf8');
  document.documentElement.innerHTML = html
    .replace(/^<!DOCTYPE html>\s*<html[^>]*>/i, '')
    .replace(/<\/html>\s*$/, '');
  const found = detect(document.body, {
    layout: null,
    isHidden: createHiddenCheck(),
    state: createDetectState(),
    ignore: () => false,
  });
  return toPlacements(found);
}

describe('toPlacements', () => {
  it('gives each bidder row one badge, at its USCC, keyed by the USCC', () => {
    const placements = placementsOf('bidders.html');
    const expected = expectedPages.find((p) => p.page === 'bidders.html')?.subjects ?? [];
    const usccs = expected.filter((s) => s.kind === 'uscc');
    expect(placements.map((p) => p.occurrence.text)).toEqual(usccs.map((s) => s.text));
    expect(new Set(placements.map((p) => p.subject.key))).toEqual(
      new Set(usccs.map((s) => `code:${s.value}`)),
    );
  });

  it('keeps consortium members apart and a 注册号 alone in its row', () => {
    const placements = placementsOf('bid-opening.html');
    expect(placements).toHaveLength(15);
    const members = placements.filter((p) => p.subject.consortium);
    expect(members).toHaveLength(3);
    expect(new Set(members.map((p) => p.subject.consortium?.id)).size).toBe(1);
    expect(placements.find((p) => p.subject.code?.kind === 'reg_no')?.subject.key).toBe(
      'code:150105297301554',
    );
    expect(placements.find((p) => p.subject.invalid)?.subject.key).toBe('invalid:91330108MA5WY2EA7L');
  });
});

describe('a key–value record', () => {
  it('looks its winner up once, by the code, when the record prints the name and the code', () => {
    document.body.innerHTML = `<table><tr><td>项目编号</td><td>WHHS-2026-1207</td></tr>
      <tr><td>中标人名称</td><td>桉衡（长春）机械设备有限公司</td></tr>
      <tr><td>统一社会信用代码</td><td>912201047162417318</td></tr></table>
      <table><tr><td>中标人名称</td><td>栖禾建设工程有限公司</td></tr></table>`;
    const found = detect(document.body, {
      layout: null,
      isHidden: createHiddenCheck(),
      state: createDetectState(),
      ignore: () => false,
    });
    expect(found.map((o) => o.kind)).toEqual(['name', 'uscc', 'name']);
    expect(toPlacements(found).map((p) => [p.subject.key, p.subject.role])).toEqual([
      ['code:912201047162417318', 'winner'],
      ['name:栖禾建设工程有限公司', 'winner'],
    ]);
  });
});
