/**
 * Housing-fund loan review: the borrowers' ID numbers on a loan-review page, looked up only
 * after the officer confirms each person's written authorization, with masking and an audit
 * log. Its own content-script bundle keeps personal-data code off procurement pages
 * (docs/decisions/0016).
 */
import { defineMode } from '../../core/mode.ts';

export default defineMode({
  id: 'loan',
  order: 4,
  label: { zh: '公积金贷款审核', en: 'Housing-fund loan review' },
  description: {
    zh: '经借款人书面授权后核查个人征信、公积金缴存与失信记录，按城市规则包给出结论并留痕',
    en: "Borrowers' personal credit, deposits and court lists, after written authorization, judged by a city rule pack and audited",
  },
  ruleSet: 'loan',
  engine: 'own',
  bundle: 'loan',
  gate: 'consent',
  demoPath: '/demo/loan-review',
});
