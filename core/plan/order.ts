/**
 * The order units are taken in, per strategy. Every strategy keeps the ladder and the tiers first
 * (a rung is used only when the earlier ones are exhausted; restricted-first classes before
 * ordinary ones); they differ inside a band:
 *  - cost: cheapest first (with the area-tree cover this is the exact least-cost plan);
 *  - fair: cheapest first too, but under a per-hour cap on each customer's share (see solve.ts);
 *  - fewest: the customers able to release most first, so fewer of them are needed.
 */
import { bandOf, type PlanProblem } from './problem.ts';

export type Strategy = 'cost' | 'fair' | 'fewest';
export const STRATEGIES: Strategy[] = ['cost', 'fair', 'fewest'];

export const STRATEGY_OBJECTIVES: Record<Strategy, string> = {
  cost: 'least economic loss: ladder and tiers first, then the lowest cost per MWh (exact per hour on the area tree)',
  fair: 'fairest: ladder and tiers first, the largest share of any customer\'s baseline curtailed in each hour as low as the gap allows, then cost',
  fewest: 'fewest customers affected: ladder and tiers first, then the customers able to release most (a rule; a lower bound on the count is reported)',
};

/** Unit indices in the order the strategy takes them. */
export function unitOrder(p: PlanProblem, strategy: Strategy, capacity: Float64Array): Int32Array {
  const U = p.units.customer.length, H = p.hours;
  const band = new Int32Array(U);
  for (let u = 0; u < U; u++) band[u] = bandOf(p, u);
  let size: Float64Array | null = null;
  if (strategy === 'fewest') {
    // A customer's size: what all its measures can release over the horizon.
    const perCustomer = new Float64Array(p.customers.id.length);
    for (let u = 0; u < U; u++) {
      let s = 0;
      for (let h = 0; h < H; h++) s += capacity[u * H + h];
      perCustomer[p.units.customer[u]] += s;
    }
    size = Float64Array.from({ length: U }, (_, u) => perCustomer[p.units.customer[u]]);
  }
  const order = Int32Array.from({ length: U }, (_, u) => u);
  const cost = p.units.costPerMWh, customer = p.units.customer;
  order.sort((a, b) => {
    if (band[a] !== band[b]) return band[a] - band[b];
    if (size && size[a] !== size[b]) return size[b] - size[a];
    if (cost[a] !== cost[b]) return cost[a] - cost[b];
    if (customer[a] !== customer[b]) return customer[a] - customer[b];
    return a - b;
  });
  return order;
}
