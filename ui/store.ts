/**
 * The page's state in one place: one value, replaced (never changed in place) by the transitions
 * in state.ts, and the listeners told each time. Views are drawn from it and never change it.
 * Plain TypeScript: the page needs nothing more than this.
 */
export type Listener<S> = (state: S) => void;

export interface Store<S> {
  get(): S;
  /**
   * Replaces the state with `change(state)`. Listeners are told only when that is a new value
   * (a transition that has nothing to do returns the state it was given).
   */
  update(change: (state: S) => S): void;
  /** Tells `listener` of every new state from now on; returns the way to stop. */
  subscribe(listener: Listener<S>): () => void;
}

export function createStore<S>(initial: S): Store<S> {
  let state = initial;
  const listeners = new Set<Listener<S>>();
  return {
    get: () => state,
    update(change) {
      const next = change(state);
      if (next === state) return;
      state = next;
      // A listener that updates the store tells the others itself; each hears the newest state.
      for (const listener of [...listeners]) if (state === next) listener(state);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}

/**
 * Draws `draw(part)` now and whenever the part of the state `select` picks changes — its items
 * (an array's elements, an object's values) compared one by one by identity, so a view is drawn
 * again only when what it shows is new. `select` returning undefined means nothing new to draw:
 * what is drawn stays (a scenario's outlook stays on screen while the next one is assessed).
 */
export function watch<S, T extends object>(store: Store<S>, select: (state: S) => T | undefined, draw: (part: T) => void): () => void {
  let last: T | undefined;
  const look = (state: S) => {
    const part = select(state);
    if (part === undefined || (last !== undefined && sameItems(last, part))) return;
    last = part;
    draw(part);
  };
  look(store.get());
  return store.subscribe(look);
}

function sameItems(a: object, b: object): boolean {
  const x = Object.values(a), y = Object.values(b);
  return x.length === y.length && x.every((v, i) => Object.is(v, y[i]));
}
