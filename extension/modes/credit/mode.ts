/**
 * Credit lending (信贷): a bank or guarantee officer's 授信审批 of an enterprise borrower with its
 * guarantors (担保人), screened by the core's enterprise screening under the SDK's credit
 * rule set (失信被执行人 → 融资限制, 发改财金〔2016〕141号), each party on its own and the
 * application as a whole.
 */
import { defineMode } from '../../core/mode.ts';
import { layouts } from './layouts.ts';

export default defineMode({
  id: 'credit',
  order: 3,
  label: { zh: '信贷授信审查', en: 'Credit lending review' },
  description: {
    zh: '借款企业及担保人的信用评级、中小企业信用评价与失信被执行人融资限制核查，给出借款人及整笔授信结论',
    en: "The borrower's and guarantors' ratings, SME credit evaluation and the judgment-defaulter financing restriction, per party and for the application",
  },
  ruleSet: 'credit',
  engine: 'screening',
  gate: 'auto',
  layouts,
  group: {
    label: { zh: '授信申请（借款人及担保人）', en: 'Credit application (borrower and guarantors)' },
    verdict: { zh: '整笔授信结论', en: 'Application verdict' },
  },
  // The legal representative, after consent: the credit report and the court check (decision 0063).
  people: {
    purpose: 'credit_lending',
    products: [
      { id: 'personal_credit_report', channels: ['pbccrc'] },
      { id: 'personal_court_enforcement', channels: ['zxgk', 'creditchina'] },
    ],
  },
  demoPath: '/demo/credit-review',
});
