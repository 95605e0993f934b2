/** The energy a plan's energy-short days are still short of, MWh (0 where it has none or all are met). */
export function energyShortMWh(plan: { rotation?: { days: readonly { residualMWh: number }[] } | null }): number {
  let t = 0;
  for (const d of plan.rotation?.days ?? []) t += d.residualMWh;
  return t > 1e-6 ? t : 0;
}
