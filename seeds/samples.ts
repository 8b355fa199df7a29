/**
 * Sample bidder lists for the CLI, in UTF-8 and in GBK (as Excel on a Chinese Windows saves
 * CSV). Node-only: uses iconv-lite.
 */

import { USCC_CHARSET } from '@xinjian/sdk';
import iconv from 'iconv-lite';
import type { EnterpriseSeed, SeedData } from './schema.ts';

const TAGGED = [
  'edge:clean',
  'edge:dishonest-active',
  'edge:fine-2000000',
  'edge:fine-1990000',
  'edge:abnormal-operation',
  'edge:gp-ban-active',
  'edge:gp-ban-ended',
  'edge:major-tax',
  'edge:tax-A',
  'edge:tax-C',
  'edge:pboc-AA+',
  'edge:dishonest-removed',
  'edge:penalty-3y-minus-1d',
  'edge:penalty-3y-plus-1d',
];

/**
 * The sample CSV text (header `投标人名称,统一社会信用代码`, CRLF line ends, no BOM): 20 rows,
 * one with a wrong check character and one with a name only (a name two companies share).
 *
 * @example
 * ```ts
 * bidderCsv(data).split('\r\n')[0]; // '投标人名称,统一社会信用代码'
 * ```
 */
export function bidderCsv(data: SeedData): string {
  const find = (tag: string): EnterpriseSeed => {
    const e = data.enterprises.find((x) => x.tags.includes(tag));
    if (e === undefined) throw new Error(`no enterprise tagged ${tag}`);
    return e;
  };
  const rows: [string, string][] = TAGGED.map((t) => {
    const e = find(t);
    return [e.subject.name, e.subject.uscc];
  });
  for (const id of data.consortia.find((c) => c.id === 'cons-a')?.memberIds.slice(0, 2) ?? []) {
    const e = data.enterprises.find((x) => x.subject.id === id);
    if (e !== undefined) rows.push([e.subject.name, e.subject.uscc]);
  }
  const ordinary = data.enterprises.filter(
    (e) => e.tags.length === 0 && e.subject.status === 'active' && e.lists.every((l) => l.kind === 'red'),
  );
  const [plain, typo, other] = ordinary;
  if (plain === undefined || typo === undefined || other === undefined)
    throw new Error('not enough ordinary enterprises');
  rows.push([plain.subject.name, plain.subject.uscc], [other.subject.name, other.subject.uscc]);
  const check = typo.subject.uscc.charAt(17);
  const wrong = USCC_CHARSET.charAt((USCC_CHARSET.indexOf(check) + 5) % USCC_CHARSET.length);
  rows.push([typo.subject.name, typo.subject.uscc.slice(0, 17) + wrong]);
  rows.push([find('same-name:2').subject.name, '']);
  const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  return `${['投标人名称,统一社会信用代码', ...rows.map((r) => r.map(quote).join(','))].join('\r\n')}\r\n`;
}

/**
 * A sample credit-application list for `xinjian check --mode credit` (header
 * `借款企业名称,统一社会信用代码,担保人`, guarantors' codes separated by `;`, CRLF, no BOM): the
 * 授信审批 case cc-1 with its two guarantors, then borrowers that pass, fail and need review.
 *
 * @example
 * ```ts
 * creditCsv(data).split('\r\n')[0]; // '借款企业名称,统一社会信用代码,担保人'
 * ```
 */
export function creditCsv(data: SeedData): string {
  const tagged = (tag: string): EnterpriseSeed[] => data.enterprises.filter((x) => x.tags.includes(tag));
  const one = (tag: string): EnterpriseSeed => {
    const [e] = tagged(tag);
    if (e === undefined) throw new Error(`no enterprise tagged ${tag}`);
    return e;
  };
  const parties = tagged('credit-case:cc-1');
  const borrower = parties.find((e) => e.tags.includes('role:borrower'));
  const guarantors = parties.filter((e) => e.tags.includes('role:guarantor'));
  if (borrower === undefined || guarantors.length !== 2) throw new Error('credit-case:cc-1 is incomplete');
  const row = (e: EnterpriseSeed, g: readonly EnterpriseSeed[] = []) => [
    e.subject.name,
    e.subject.uscc,
    g.map((x) => x.subject.uscc).join(';'),
  ];
  const rows = [
    row(borrower, guarantors),
    row(one('edge:sme-A-')),
    row(one('edge:dishonest-active')),
    row(one('edge:sme-BB'), [one('edge:clean')]),
    row(one('edge:rating-unfiled')),
    row(one('edge:land-idle')),
    row(one('edge:clean')),
  ];
  const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  return `${['借款企业名称,统一社会信用代码,担保人', ...rows.map((r) => r.map(quote).join(','))].join('\r\n')}\r\n`;
}

/**
 * Every file of `seeds/samples/`: `bidders.csv` (UTF-8), `bidders-gbk.csv` (the same text in GBK)
 * and `credit.csv` (credit applications with guarantors, UTF-8).
 *
 * @example
 * ```ts
 * writeFileSync('bidders-gbk.csv', renderSamples(data)['bidders-gbk.csv']);
 * ```
 */
export function renderSamples(data: SeedData): Record<string, Uint8Array> {
  const text = bidderCsv(data);
  return {
    'bidders.csv': new TextEncoder().encode(text),
    'bidders-gbk.csv': new Uint8Array(iconv.encode(text, 'gbk')),
    'credit.csv': new TextEncoder().encode(creditCsv(data)),
  };
}
