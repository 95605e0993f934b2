/**
 * A what-if plan handed to another worker for verification, its large arrays (units × hours)
 * moved rather than copied: at province scale a copy is hundreds of MB on the page's thread, and the
 * page draws none of them.
 */
import { transfer } from 'comlink';
import type { WhatIfPlan } from './api.ts';

export function handOverForVerify(what: WhatIfPlan): WhatIfPlan {
  const p = what.plan;
  const buffers = [...new Set([p.x.buffer, p.xEnergy?.buffer, p.payback.buffer])].filter((b): b is ArrayBuffer => b instanceof ArrayBuffer && b.byteLength > 0);
  return transfer(what, buffers);
}
