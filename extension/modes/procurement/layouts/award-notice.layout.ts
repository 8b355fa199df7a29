import type { PageLayout } from '../../../core/scan/layout.ts';

/** A 中标（成交）结果公告: winners and candidates in prose; the cut-off stated in the 评审信息. */
export const layout: PageLayout = {
  id: 'demo-award-notice',
  title: '中标（成交）结果公告（西湖区公共资源交易服务平台演示）',
  fixture: 'award-notice.html',
  matches: ['*://*/demo/award-notice*'],
  tables: [],
  prose: '.article p',
  cutoff: {
    kind: 'text',
    within: '.article',
    pattern: /截至\s*(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)[^。]{0,12}截止时点/,
  },
};
