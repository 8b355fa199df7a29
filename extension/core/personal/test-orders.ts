import { expect } from 'vitest';

/** A request as the mock server's journal (`GET /__mock/journal`) records it. */
export interface JournalRequest {
  method: string;
  path: string;
  query?: unknown;
  body: unknown;
}

/**
 * Checks what a personal lookup sent: the two personal products ordered (the credit report and
 * the court check) under `credit_lending` with the recorded authorization, and the ID number
 * never in a path or a query, only in the orders' bodies.
 */
export function expectPersonalOrders(
  sent: readonly JournalRequest[],
  idNumber: string,
  authorization: { reference: string; grantedAt: string },
): void {
  const orders = sent.filter((e) => e.method === 'POST' && e.path === '/v1/reports');
  expect(orders.map((o) => (o.body as { productId: string }).productId).sort()).toEqual([
    'personal_court_enforcement',
    'personal_credit_report',
  ]);
  for (const o of orders) expect(o.body).toMatchObject({ purpose: 'credit_lending', authorization });
  expect(idNumber).toMatch(/^\d{17}[\dX]$/);
  for (const e of sent)
    expect(`${e.path} ${JSON.stringify(e.query ?? null)}`).not.toContain(idNumber.slice(0, 14));
}
