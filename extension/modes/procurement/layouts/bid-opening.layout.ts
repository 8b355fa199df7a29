import type { PageLayout } from '../../../core/scan/layout.ts';

/** A 开标记录: the info table states the deadline; one row per bidder, 联合体 in the name cell. */
export const layout: PageLayout = {
  id: 'demo-bid-opening',
  title: '开标记录（西湖区公共资源交易服务平台演示）',
  fixture: 'bid-opening.html',
  matches: ['*://*/demo/bid-opening*'],
  tables: [
    {
      table: '#bid-opening-table',
      rows: 'tbody > tr',
      nameCell: 'td:nth-child(2)',
      codeCells: 'td:nth-child(3)',
      role: 'bidder',
      consortiumMarker: '联合体',
    },
  ],
  cutoff: { kind: 'labelled-cell', within: 'table.info', label: '投标截止时间' },
};
