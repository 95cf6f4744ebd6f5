/**
 * A cache of values computed from string keys, for the hot paths' repeated luxon and Intl
 * work (a zone's offset, a formatted date). It holds at most `max` entries and then forgets
 * all at once: no LRU bookkeeping on every hit, and the few keys in use come back at once.
 * Use: `const labels = boundedCache<string>(1_000); labels(key, () => format(…))`.
 */
export function boundedCache<V>(max: number): (key: string, compute: () => V) => V {
  const values = new Map<string, V>();
  return (key, compute) => {
    let value = values.get(key);
    if (value === undefined) {
      value = compute();
      if (values.size >= max) values.clear();
      values.set(key, value);
    }
    return value;
  };
}
