/**
 * What-if: the warnings and the least-cost plan follow the sliders. One what-if at a time; while
 * one runs, only the latest slider position waits. The verifier runs in the other worker once the
 * slider rests (a drag plans many positions; the one it stops at is the plan that counts).
 */
import type { WhatIfOptions, WhatIfOutcome } from '../../worker/api.ts';
import { handOverForVerify } from '../../worker/hand-over.ts';
import { withScenario } from '../../worker/held-scenario.ts';
import { mark } from '../marks.ts';
import { inOutlook, whatIfAnswered, whatIfAsked, whatIfChecked, whatIfRunEnded, whatIfRunStarted, whatIfTaken, type Sliders } from '../state.ts';
import type { Page } from './page.ts';

/** How long the sliders rest before the plan they stopped at is verified, ms. */
const REST_MS = 250;

export interface WhatIfWork {
  ask(sliders: Sliders): void;
}

export function createWhatIf(page: Page): WhatIfWork {
  const { store, pool, say } = page;
  /** The verifier's wait for the sliders to rest (a timer is an effect: it stays here, not in the state). */
  let resting: ReturnType<typeof setTimeout> | undefined;

  async function run(): Promise<void> {
    store.update(whatIfRunStarted);
    try {
      for (;;) {
        const s = store.get(), d = s.dispatch, w = s.whatIf, asked = w.asked;
        if (!w.pending || !asked || !d?.assessment) return;
        store.update(whatIfTaken);
        const options: WhatIfOptions = { lostMW: asked.lostMW, tempOffsetC: asked.tempOffsetC, noticeHours: asked.noticeHours, samples: 100 };
        const { name, data, forecast } = d.opened;
        const r = await pool.run<WhatIfOutcome>((api) => withScenario(api, data, (b) => api.whatIf(name, b, forecast, options)));
        if (store.get().dispatch?.session !== d.session) return; // another scenario is open
        if (!r.ok) { say(r.problems[0]?.message ?? 'what-if failed', 'error'); return; }
        store.update((now) => whatIfAnswered(now, w.round, r));
        if (!inOutlook(store.get(), r)) continue; // the sliders were reset meanwhile
        if (r.verified !== undefined) mark('whatifVerified', r.verified);
        mark('whatifMs', Math.round(performance.now() - asked.at));
        mark('whatif', store.get().whatIf.answered);
        clearTimeout(resting);
        const toVerify = r.toVerify;
        if (!toVerify) continue; // verified where it was made
        resting = setTimeout(() => {
          if (!inOutlook(store.get(), r) || store.get().whatIf.pending) return;
          void pool.run((api) => withScenario(api, data, (b) => api.whatIfVerify(name, b, forecast, options, handOverForVerify(toVerify)))).then((v) => {
            if (!inOutlook(store.get(), r)) return;
            store.update((now) => whatIfChecked(now, r, v.ok));
            mark('whatifVerified', v.ok);
          });
        }, REST_MS);
      }
    } finally {
      store.update(whatIfRunEnded);
    }
  }

  return {
    ask(sliders) {
      store.update((s) => whatIfAsked(s, sliders, performance.now()));
      if (!store.get().whatIf.running) void run();
    },
  };
}
