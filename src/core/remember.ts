/**
 * Where computed values are kept: `remember(key, make)` returns the value kept
 * under `key`, or makes and keeps it. keepEach() keeps every value;
 * keepRecent() only the most recently used, so memory stays flat however
 * large the site.
 */
export type Remember = <T>(key: string, make: () => T) => T;

export function keepEach(): Remember {
  const kept = new Map<string, unknown>();
  return <T>(key: string, make: () => T): T => {
    if (!kept.has(key)) kept.set(key, make());
    return kept.get(key) as T;
  };
}

/** Keeps the `limit` values used most recently (a value read again counts as used). */
export function keepRecent(limit: number): Remember {
  const recent = new Map<string, unknown>();
  return <T>(key: string, make: () => T): T => {
    let value = recent.get(key) as T | undefined;
    if (value !== undefined) recent.delete(key);
    else value = make();
    recent.set(key, value);
    if (recent.size > limit) recent.delete(recent.keys().next().value!);
    return value;
  };
}
