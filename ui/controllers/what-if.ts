/**
 * What-if: the warnings and the least-cost plan follow the sliders, in two lanes. The warnings of
 * a position (tens of ms in the engine) go first, ahead of queued calls, and are drawn in the
 * outlook; its plan (hundreds of ms: the solver) is made once the sliders pause (PLAN_REST_MS)
 * and drawn below. In each lane one call at a time, and while one runs only the latest slider position
 * waits; a plan that comes back for a position the sliders have left is dropped (the latest is
 * made next), never drawn as the current one. The verifier runs in the other worker once the
 * sliders rest (a drag plans many positions; the one it stops at is the plan that counts).
 */
import type { WhatIfOptions, WhatIfOutcome, WhatIfOutlookOutcome } from '../../worker/api.ts';
import { handOverForVerify } from '../../worker/hand-over.ts';
import { withScenario } from '../../worker/held-scenario.ts';
import { mark } from '../marks.ts';
import {
  inOutlook, planCurrent, whatIfAnswered, whatIfAsked, whatIfChecked, whatIfOutlookAnswered, whatIfPlanEnded, whatIfPlanStarted, whatIfPlanTaken, whatIfRunEnded,
  whatIfRunStarted, whatIfTaken, type PageState, type Sliders,
} from '../state.ts';
import type { Page } from './page.ts';

/** How long the sliders rest before the plan they stopped at is verified, ms. */
const REST_MS = 250;
/**
 * How long the sliders rest before a plan is made for where they stand, ms. A plan takes the
 * engine hundreds of ms and the page has one engine worker on a 2-core machine: made for every
 * position of a drag, each would hold up the next position's warnings; so during a drag only the
 * warnings follow, and the plan is made where the slider pauses.
 */
const PLAN_REST_MS = 150;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface WhatIfWork {
  ask(sliders: Sliders): void;
}

type Asked = NonNullable<PageState['whatIf']['asked']>;

export function createWhatIf(page: Page): WhatIfWork {
  const { store, pool, say } = page;
  /** The verifier's wait for the sliders to rest (a timer is an effect: it stays here, not in the state). */
  let resting: ReturnType<typeof setTimeout> | undefined;

  const optionsOf = (asked: Asked): WhatIfOptions => ({ lostMW: asked.lostMW, tempOffsetC: asked.tempOffsetC, noticeHours: asked.noticeHours, samples: 100 });

  /** Applies an answer; where it put new warnings in the outlook, marks the redraw (input to drawn, ms). */
  function answer(change: (s: PageState) => PageState, asked: Asked): void {
    const before = store.get().whatIf.outlook;
    store.update(change);
    const now = store.get().whatIf;
    if (now.outlook !== before && now.outlook?.seq === asked.seq) {
      mark('whatifMs', Math.round(performance.now() - asked.at));
      mark('whatif', now.answered);
    }
  }

  /** The warnings lane. */
  async function warnings(): Promise<void> {
    store.update(whatIfRunStarted);
    try {
      for (;;) {
        const s = store.get(), d = s.dispatch, w = s.whatIf, asked = w.asked;
        if (!w.pending || !asked || !d?.assessment) return;
        store.update(whatIfTaken);
        // Another notice alone: the warnings are the ones in the outlook (notice does not enter them).
        const same = w.outlook && w.outlook.sliders.lostMW === asked.lostMW && w.outlook.sliders.tempOffsetC === asked.tempOffsetC ? w.outlook : null;
        if (same) { answer((now) => whatIfOutlookAnswered(now, w.round, asked, same), asked); continue; }
        const { name, data, forecast } = d.opened;
        const r = await page.warnings(data).run<WhatIfOutlookOutcome>((api) => withScenario(api, data, (b) => api.whatIfOutlook(name, b, forecast, optionsOf(asked))), { urgent: true });
        if (store.get().dispatch?.session !== d.session) return; // another scenario is open
        if (!r.ok) { say(r.problems[0]?.message ?? 'what-if failed', 'error'); return; }
        answer((now) => whatIfOutlookAnswered(now, w.round, asked, r), asked);
      }
    } finally {
      store.update(whatIfRunEnded);
    }
  }

  /** The plan lane. */
  async function plans(): Promise<void> {
    store.update(whatIfPlanStarted);
    try {
      for (;;) {
        const s = store.get(), d = s.dispatch, w = s.whatIf, asked = w.asked;
        if (!w.planPending || !asked || !d?.assessment) return;
        const wait = PLAN_REST_MS - (performance.now() - asked.at);
        if (wait > 0) { await sleep(wait); continue; } // the sliders may move again meanwhile
        store.update(whatIfPlanTaken);
        const options = optionsOf(asked);
        const { name, data, forecast } = d.opened;
        const r = await pool.run<WhatIfOutcome>((api) => withScenario(api, data, (b) => api.whatIf(name, b, forecast, options)));
        if (store.get().dispatch?.session !== d.session) return; // another scenario is open
        if (!r.ok) { say(r.problems[0]?.message ?? 'what-if failed', 'error'); return; }
        answer((now) => whatIfAnswered(now, w.round, asked, r), asked);
        if (!inOutlook(store.get(), r)) continue; // the sliders moved on or were reset meanwhile
        if (r.verified !== undefined) mark('whatifVerified', r.verified);
        mark('whatifPlanMs', Math.round(performance.now() - asked.at));
        mark('whatifPlanned', store.get().whatIf.planned);
        clearTimeout(resting);
        const toVerify = r.toVerify;
        if (!toVerify) continue; // verified where it was made
        resting = setTimeout(() => {
          const now = store.get();
          if (!inOutlook(now, r) || !planCurrent(now.whatIf) || now.whatIf.pending || now.whatIf.planPending) return;
          void pool.run((api) => withScenario(api, data, (b) => api.whatIfVerify(name, b, forecast, options, handOverForVerify(toVerify)))).then((v) => {
            if (!inOutlook(store.get(), r)) return;
            store.update((now) => whatIfChecked(now, r, v.ok));
            mark('whatifVerified', v.ok);
          });
        }, REST_MS);
      }
    } finally {
      store.update(whatIfPlanEnded);
    }
  }

  return {
    ask(sliders) {
      clearTimeout(resting); // the sliders moved: the plan drawn is no longer where they rest
      store.update((s) => whatIfAsked(s, sliders, performance.now()));
      const w = store.get().whatIf;
      // A lane's call that fails (its worker died, say) is said on the status line, never dropped unsaid.
      const failed = (e: unknown) => say(e instanceof Error ? e.message : String(e), 'error');
      if (!w.running) warnings().catch(failed);
      if (!w.planning) plans().catch(failed);
    },
  };
}
