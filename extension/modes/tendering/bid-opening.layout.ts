import type { PageLayout } from '../../core/scan/layout.ts';

/** A works tender's 开标记录: the header states the 开标时间; one row per bidder, the 项目经理 column never read. */
export const layout: PageLayout = {
  id: 'demo-tender-opening',
  title: '工程招标开标记录（西湖区公共资源交易服务平台演示）',
  fixture: 'tendering.html',
  matches: ['*://*/demo/tendering*'],
  tables: [
    {
      table: '#tender-opening-table',
      rows: 'tbody > tr',
      nameCell: 'td:nth-child(2)',
      codeCells: 'td:nth-child(3)',
      role: 'bidder',
      consortiumMarker: '联合体',
    },
  ],
  cutoff: { kind: 'labelled-cell', within: 'table.info', label: '开标时间' },
};
