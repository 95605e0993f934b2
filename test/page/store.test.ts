/** The page's store (ui/store.ts): one state, replaced by transitions, and views told when their part changes. */
import { describe, expect, it } from 'vitest';
import { createStore, watch } from '../../ui/store.ts';

describe('the page\'s store', () => {
  it('gives back the state it was made with until a transition replaces it', () => {
    const store = createStore({ n: 1 });
    expect(store.get()).toEqual({ n: 1 });
    store.update((s) => ({ n: s.n + 1 }));
    expect(store.get()).toEqual({ n: 2 });
  });

  it('tells its listeners of each new state, and not of a transition that had nothing to do', () => {
    const store = createStore({ n: 1 });
    const heard: number[] = [];
    store.subscribe((s) => heard.push(s.n));
    store.update((s) => ({ n: s.n + 1 }));
    store.update((s) => s);
    store.update((s) => ({ n: s.n + 1 }));
    expect(heard).toEqual([2, 3]);
  });

  it('stops telling a listener that unsubscribed', () => {
    const store = createStore({ n: 1 });
    const heard: number[] = [];
    const stop = store.subscribe((s) => heard.push(s.n));
    store.update(() => ({ n: 2 }));
    stop();
    store.update(() => ({ n: 3 }));
    expect(heard).toEqual([2]);
  });

  it('tells every listener the newest state when a listener updates the store itself', () => {
    const store = createStore({ n: 1 });
    const first: number[] = [], second: number[] = [];
    store.subscribe((s) => { first.push(s.n); if (s.n === 2) store.update(() => ({ n: 3 })); });
    store.subscribe((s) => second.push(s.n));
    store.update(() => ({ n: 2 }));
    expect(store.get().n).toBe(3);
    expect(first).toEqual([2, 3]);
    expect(second).toEqual([3]); // never the state already replaced
  });
});

describe('a view watching the store', () => {
  it('is drawn at once, then again only when the part it is given changes', () => {
    const store = createStore({ lang: 'en', hour: 0, other: 0 });
    const drawn: string[] = [];
    watch(store, (s) => [s.lang, s.hour] as const, ([lang, hour]) => drawn.push(`${lang} ${hour}`));
    store.update((s) => ({ ...s, other: 1 })); // not its part
    store.update((s) => ({ ...s, hour: 5 }));
    store.update((s) => ({ ...s, hour: 5 })); // the same hour: a new state, nothing new to draw
    store.update((s) => ({ ...s, lang: 'zh' }));
    expect(drawn).toEqual(['en 0', 'en 5', 'zh 5']);
  });

  it('compares the items of its part by identity: a list replaced is drawn again even when it holds the same', () => {
    const store = createStore({ plans: [1, 2] });
    let drawn = 0;
    watch(store, (s) => [s.plans] as const, () => drawn++);
    store.update(() => ({ plans: [1, 2] }));
    expect(drawn).toBe(2);
  });

  it('keeps what is drawn while its part is undefined (nothing new to draw yet)', () => {
    const store = createStore<{ outlook: string | null }>({ outlook: null });
    const drawn: string[] = [];
    watch(store, (s) => (s.outlook ? [s.outlook] as const : undefined), ([o]) => drawn.push(o));
    store.update(() => ({ outlook: 'first' }));
    store.update(() => ({ outlook: null })); // the next one is being assessed
    store.update(() => ({ outlook: 'second' }));
    expect(drawn).toEqual(['first', 'second']);
  });

  it('stops being drawn once it stops watching', () => {
    const store = createStore({ n: 0 });
    let drawn = 0;
    const stop = watch(store, (s) => [s.n] as const, () => drawn++);
    stop();
    store.update(() => ({ n: 1 }));
    expect(drawn).toBe(1);
  });
});
