/**
 * Drawing that waits for a task of its own. A province's network treemap (40,000 feeders summed
 * by substation) takes ~55 ms and its area map ~35 ms; drawn in the same task as the rest of a
 * plan or an outlook, they held the page's thread past 100 ms. Each key keeps only its newest
 * drawing (a drawing replaced before its turn is never made), and each runs in a task of its own.
 *
 * `drawn()` resolves, in a task of its own too, once nothing waits: whatever says a step is done
 * (the status line, the marks the tests read) waits for it, so it never speaks before the page
 * shows what it says.
 */
export interface DrawQueue {
  /** Draws `draw` in a task of its own, unless a newer drawing of `key` is asked for first. */
  later(key: string, draw: () => void): void;
  /** Resolves in a task after every drawing asked for so far (and any asked for meanwhile) is made. */
  drawn(): Promise<void>;
}

export function createDrawQueue(): DrawQueue {
  const waiting = new Map<string, () => void>();
  let settled: Array<() => void> = [];
  let running = false;
  // A message to itself, not setTimeout: a background tab's timers are slowed to one a second, and
  // a dispatcher waiting on a province plan is often on another tab. One step waits at a time.
  const channel = new MessageChannel();
  channel.port1.onmessage = () => step();
  const start = () => {
    if (running) return;
    running = true;
    channel.port2.postMessage(null);
  };

  function step(): void {
    const first = waiting.entries().next();
    if (first.done) {
      running = false;
      const told = settled;
      settled = [];
      for (const resolve of told) resolve();
      return;
    }
    const [key, draw] = first.value;
    waiting.delete(key);
    try {
      draw();
    } finally {
      channel.port2.postMessage(null);
    }
  }

  return {
    later(key, draw) { waiting.set(key, draw); start(); },
    drawn: () => new Promise((resolve) => { settled.push(resolve); start(); }),
  };
}
