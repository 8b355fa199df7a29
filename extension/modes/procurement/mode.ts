/**
 * Government procurement (财库〔2016〕125号): the bidders on bid-opening records, evaluation
 * reports and award notices, screened by the core's enterprise screening under the SDK's
 * procurement rule set.
 */
import { defineMode } from '../../core/mode.ts';
import { LAYOUTS } from './layouts/index.ts';

export default defineMode({
  id: 'procurement',
  order: 1,
  label: { zh: '政府采购核查', en: 'Government procurement check' },
  description: {
    zh: '投标人信用评级与财库〔2016〕125号失信、重大税收违法、政府采购严重违法失信核查',
    en: "Bidders' credit ratings and the 财库〔2016〕125号 screening of dishonesty, tax and procurement lists",
  },
  ruleSet: 'procurement',
  engine: 'screening',
  gate: 'auto',
  layouts: LAYOUTS,
  demoPath: '/demo/bid-opening',
});
