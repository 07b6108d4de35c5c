/**
 * Remembering the results of pure functions of text. Validating the data and building the
 * analysis read the same quotes and files many times over (every verdict reads its claims'
 * printed precision again; the report validates the files, then loads them; the mutation test
 * validates a folder in which one file changed): a function wrapped here computes each distinct
 * input once. Results are frozen, so that no caller can change what the next one is handed.
 */

/** Freezes a plain value and everything in it (arrays and plain objects); returns it. */
function deepFreeze<T>(x: T): T {
  if (x !== null && typeof x === "object" && !Object.isFrozen(x)) {
    Object.freeze(x);
    for (const v of Object.values(x as object)) deepFreeze(v);
  }
  return x;
}

/**
 * `fn` with its results remembered by `key(...args)` (a string that determines the result).
 * At most `limit` results are kept: when full, the memory starts over. Results are deep-frozen.
 * @example remembered((s) => s.length, (s) => s)("abc") // => 3
 * @example Object.isFrozen(remembered((s) => [s], (s) => s)("a")) // => true
 */
export function remembered<A extends unknown[], R>(fn: (...args: A) => R, key: (...args: A) => string, limit = 4096): (...args: A) => R {
  const memory = new Map<string, R>();
  return (...args: A): R => {
    const k = key(...args);
    const known = memory.get(k);
    if (known !== undefined || memory.has(k)) return known as R;
    const result = deepFreeze(fn(...args));
    if (memory.size >= limit) memory.clear();
    memory.set(k, result);
    return result;
  };
}
