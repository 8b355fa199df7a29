/**
 * Tendering (招标投标, 法〔2016〕285号): the bidders on an 开标记录 or a 中标候选人公示,
 * screened by the core's enterprise screening under the SDK's tendering rule set.
 */
import { defineMode } from '../../core/mode.ts';
import { layout } from './bid-opening.layout.ts';

export default defineMode({
  id: 'tendering',
  order: 2,
  label: { zh: '招标投标核查', en: 'Tendering check' },
  description: {
    zh: '投标人信用评级与法〔2016〕285号失信被执行人、重大税收违法、建筑市场黑名单核查',
    en: "Bidders' credit ratings and the 法〔2016〕285号 screening of judgment defaulters, tax and construction-market lists",
  },
  ruleSet: 'tendering',
  engine: 'screening',
  gate: 'auto',
  layouts: [layout],
  demoPath: '/demo/tendering',
});
