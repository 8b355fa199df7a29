import type { PageLayout } from '../../core/scan/layout.ts';

const application = { id: 'credit-application', name: null };

/**
 * A bank's 授信审批表: the borrower table and the guarantor table form one application; the
 * legal representative's name and ID number are never read as a company: the person is badged
 * for a lookup after consent, and the result joins the application's verdict.
 */
export const layouts: readonly PageLayout[] = [
  {
    id: 'demo-credit-review',
    title: '授信审批表（信贷业务管理系统演示）',
    fixture: 'credit-review.html',
    matches: ['*://*/demo/credit-review*'],
    tables: [
      {
        table: '#credit-borrower',
        rows: 'tbody > tr',
        nameCell: 'td:nth-child(1)',
        codeCells: 'td:nth-child(2)',
        role: 'borrower',
        group: application,
      },
      {
        table: '#credit-guarantors',
        rows: 'tbody > tr',
        nameCell: 'td:nth-child(2)',
        codeCells: 'td:nth-child(3)',
        role: 'guarantor',
        group: application,
      },
    ],
    cutoff: { kind: 'labelled-cell', within: 'table.info', label: '审批日期' },
    people: [
      {
        table: '#credit-borrower',
        rows: 'tbody > tr',
        nameCell: 'td:nth-child(3)',
        idCell: 'td:nth-child(4)',
        role: 'legal_representative',
        group: application.id,
      },
    ],
  },
];
