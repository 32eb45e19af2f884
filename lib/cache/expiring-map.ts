/**
 * A per-process map whose entries lapse at a given time, kept on globalThis (route handlers and
 * instrumentation are separate bundles of one process) and emptied when it grows past its limit.
 */
export function expiringMap<V>(name: string, maxEntries = 5_000) {
  const holder = globalThis as typeof globalThis & Record<string, Map<string, { value: V; until: number }> | undefined>;
  const entries = () => (holder[name] ??= new Map());
  return {
    get(key: string, now = Date.now()): V | undefined {
      const hit = entries().get(key);
      return hit && hit.until > now ? hit.value : undefined;
    },
    set(key: string, value: V, until: number): void {
      if (entries().size >= maxEntries) entries().clear();
      entries().set(key, { value, until });
    },
    delete(key: string): void {
      entries().delete(key);
    },
  };
}
