import type { PageLayout } from '../../../core/scan/layout.ts';

/** A long 投标人名单: a USCC column and a 注册号/组织机构代码 column per row. */
export const layout: PageLayout = {
  id: 'demo-bidders',
  title: '投标人名单（演示）',
  fixture: 'bidders.html',
  matches: ['*://*/demo/bidders*'],
  tables: [
    {
      table: '#bidder-list',
      rows: 'tbody > tr',
      nameCell: 'td:nth-child(2)',
      codeCells: 'td:nth-child(3), td:nth-child(4)',
      role: 'bidder',
    },
  ],
};
