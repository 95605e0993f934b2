/**
 * A plan report in two parts: the headline (every figure, chart series, the network and the
 * emergency order) and the lists (one row per customer, one order per customer and measure). A
 * province week's lists are ~285 MB of JSON; the page keeps the headline in memory and the lists apart,
 * as a file the workers read when a play-out or a customer list needs them.
 */
import type { PlanReport } from './report.ts';

export type PlanLists = Pick<PlanReport, 'customers' | 'orders'>;

export type PlanHeadline = Omit<PlanReport, 'customers' | 'orders'> & {
  /** How many rows the lists hold. */
  listed: { customers: number; orders: number };
};

export function splitReport(report: PlanReport): { headline: PlanHeadline; lists: PlanLists } {
  const { customers, orders, ...rest } = report;
  return { headline: { ...rest, listed: { customers: customers.length, orders: orders.length } }, lists: { customers, orders } };
}

/** The whole report again; the lists must be the headline's own (their counts are checked). */
export function joinReport(headline: PlanHeadline, lists: PlanLists): PlanReport {
  if (lists.customers?.length !== headline.listed.customers || lists.orders?.length !== headline.listed.orders) {
    throw new Error(`plan lists do not belong to this plan: expected ${headline.listed.customers} customers and ${headline.listed.orders} orders, found ${lists.customers?.length ?? 'none'} and ${lists.orders?.length ?? 'none'}`);
  }
  const { listed: _listed, ...rest } = headline;
  return { ...rest, customers: lists.customers, orders: lists.orders };
}
