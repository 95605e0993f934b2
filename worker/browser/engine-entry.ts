/** The browser Web Worker face of the engine. */
import { expose } from 'comlink';
import { engineApi } from '../api.ts';

/**
 * A seam for the page's tests of a crashing worker: with `__orderlyFailNextCall` set in this
 * worker's global scope (a test does it between calls), the next call crashes the worker as a
 * real fault would — an error outside any call, and no answer. Nothing else sets it.
 */
const scope = globalThis as { __orderlyFailNextCall?: boolean };
const api = new Proxy(engineApi, {
  get(target, key, receiver) {
    const member = Reflect.get(target, key, receiver);
    if (typeof member !== 'function') return member;
    return (...args: unknown[]) => {
      if (scope.__orderlyFailNextCall) {
        scope.__orderlyFailNextCall = false;
        setTimeout(() => { throw new Error('simulated crash'); }, 0);
        return new Promise(() => {});
      }
      return (member as (...a: unknown[]) => unknown).apply(target, args);
    };
  },
});

expose(api);
