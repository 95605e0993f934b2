/** Drawing that waits for a task of its own (ui/later.ts): a province's slow drawings apart from the rest, and the status after them. */
import { describe, expect, it } from 'vitest';
import { createDrawQueue } from '../../ui/later.ts';

/** Microtasks queued one after another: all of them run before the task they were queued in ends. */
const chain = (steps: number, then: () => void) => { let p = Promise.resolve(); for (let i = 0; i < steps; i++) p = p.then(() => {}); void p.then(then); };

describe('drawing later', () => {
  it('draws nothing in the task that asked, only after it', async () => {
    const { later: drawLater, drawn } = createDrawQueue();
    const seen: string[] = [];
    drawLater('a', () => seen.push('a'));
    chain(20, () => seen.push('asker done'));
    expect(seen).toEqual([]);
    await drawn();
    expect(seen).toEqual(['asker done', 'a']);
  });

  it('draws each in a task of its own, in the order first asked', async () => {
    const { later: drawLater, drawn } = createDrawQueue();
    const seen: string[] = [];
    drawLater('a', () => { seen.push('a'); chain(20, () => seen.push('a done')); });
    drawLater('b', () => seen.push('b'));
    await drawn();
    expect(seen).toEqual(['a', 'a done', 'b']);
  });

  it('makes only the newest drawing of a key asked for before its turn', async () => {
    const { later: drawLater, drawn } = createDrawQueue();
    const seen: number[] = [];
    for (let i = 0; i < 5; i++) drawLater('map', () => seen.push(i));
    await drawn();
    expect(seen).toEqual([4]);
  });

  it('resolves drawn() in a task after the last drawing\'s, so what speaks after it never shares that task', async () => {
    const { later: drawLater, drawn } = createDrawQueue();
    const seen: string[] = [];
    drawLater('a', () => { seen.push('a'); chain(50, () => seen.push('a done')); });
    const told = drawn().then(() => seen.push('drawn'));
    await told;
    expect(seen).toEqual(['a', 'a done', 'drawn']);
  });

  it('waits in drawn() for a drawing asked for while others were being drawn', async () => {
    const { later: drawLater, drawn } = createDrawQueue();
    const seen: string[] = [];
    drawLater('a', () => { seen.push('a'); drawLater('b', () => seen.push('b')); });
    await drawn();
    expect(seen).toEqual(['a', 'b']);
  });

  it('resolves drawn() with nothing waiting, in a later task', async () => {
    const { later: drawLater, drawn } = createDrawQueue();
    const seen: string[] = [];
    const told = drawn().then(() => seen.push('drawn'));
    chain(20, () => seen.push('asker done'));
    await told;
    expect(seen).toEqual(['asker done', 'drawn']);
  });
});
