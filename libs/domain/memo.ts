/**
 * Remembers the last `size` results of a pure function, by a key made of its arguments. Workflows
 * ask the same questions over and over (every occurrence due at a period end has the same notice
 * plan), and the answers of date arithmetic in a timezone are not cheap. Results are frozen: they
 * are shared by every caller, and so by every workflow of a worker thread.
 */
export function memoize<A extends unknown[], R>(fn: (...args: A) => R, key: (...args: A) => string, size = 1000): (...args: A) => R {
  const cache = new Map<string, R>();
  return (...args: A): R => {
    const k = key(...args);
    const hit = cache.get(k);
    if (hit !== undefined) {
      cache.delete(k); // most recently used last
      cache.set(k, hit);
      return hit;
    }
    const result = deepFreeze(fn(...args));
    cache.set(k, result);
    if (cache.size > size) cache.delete(cache.keys().next().value as string);
    return result;
  };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
