/**
 * The plans a worker last read back and checked for a play-out, kept for the next play-out of
 * the very same plans. Reading a province day's plan back (tables rebuilt from the scenario, the
 * independent verifier, the lists checked) takes ~3 s in each worker, and the page plays the same
 * plans again and again — more futures, another seed, the plans compared after a what-if. The
 * check is a pure function of the scenario's content, the forecast and the plans' content, so its
 * verdict for the same content stands: the key is a SHA-256 over all three, never an identity or
 * a name. Only plans that passed are kept (a refused plan is read and refused again, with its
 * words), and only the last call's (no more memory than that call needed).
 */

/**
 * A key for values by their content: SHA-256 over their JSON text with every typed array's
 * bytes appended in order. Typed arrays and numbers JSON cannot carry (NaN, ±Infinity) are
 * written as markers that hold a nonce drawn when the worker starts, so that no value read from a
 * file can spell one: a hostile plan cannot share the key of a plan that passed. Null when the
 * values hold anything JSON would not write whole (a Map, a Blob, a class instance): no key, so
 * nothing is kept or found.
 */
export async function contentKey(values: unknown[]): Promise<string | null> {
  const chunks: Uint8Array[] = [];
  let whole = true;
  const text = JSON.stringify(values, function (this: Record<string, unknown>, k: string, v: unknown) {
    // The value as given, before any toJSON (a Date would otherwise pass as its string).
    const raw = this[k];
    if (raw !== null && typeof raw === 'object' && !ArrayBuffer.isView(raw) && !Array.isArray(raw) && Object.getPrototypeOf(raw) !== Object.prototype && Object.getPrototypeOf(raw) !== null) whole = false;
    if (ArrayBuffer.isView(v)) {
      chunks.push(new Uint8Array(v.buffer, v.byteOffset, v.byteLength));
      return `${NONCE}:${v.constructor.name}:${v.byteLength}`;
    }
    if (typeof v === 'number' && !Number.isFinite(v)) return `${NONCE}:${v}`;
    if (typeof v === 'bigint') return `${NONCE}:bigint:${v}`;
    if (v === undefined && k !== "") return `${NONCE}:undefined`;
    return v;
  });
  if (!whole) return null;
  const head = new TextEncoder().encode(text);
  const all = new Uint8Array(8 + head.length + chunks.reduce((n, c) => n + c.length, 0));
  new DataView(all.buffer).setFloat64(0, head.length);
  all.set(head, 8);
  let at = 8 + head.length;
  for (const c of chunks) { all.set(c, at); at += c.length; }
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', all));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

const NONCE = crypto.randomUUID();

let kept: { key: string; value: unknown } | null = null;

/** What was kept under this key, or undefined. */
export function keptFor<T>(key: string): T | undefined {
  return kept?.key === key ? (kept.value as T) : undefined;
}

/** Keep this (plans that passed, with what their futures share) under its key, replacing the last. */
export function keep(key: string, value: unknown): void {
  kept = { key, value };
}

/** Forget what is kept (a test's fresh start, or memory wanted back). */
export function forgetKeptPlans(): void {
  kept = null;
}
