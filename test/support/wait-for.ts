/**
 * Polls `probe` until it returns a value accepted by `until` (default: truthy), or fails with the
 * last value seen. Real timers fire in seconds, so tests wait for outcomes, never for fixed times.
 */
export async function waitFor<T>(
  probe: () => Promise<T>,
  options: { until?: (value: T) => boolean; timeoutMs?: number; intervalMs?: number; what?: string } = {},
): Promise<NonNullable<T>> {
  const { until = ready, timeoutMs = 30_000, intervalMs = 200, what = 'condition' } = options;
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  for (;;) {
    last = await probe();
    if (until(last)) return last as NonNullable<T>; // accepted values are present by definition
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}; last value: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

export const inSeconds = (s: number) => new Date(Date.now() + s * 1000).toISOString();

/** Default readiness: a non-empty array, or any other truthy value. */
function ready(value: unknown): boolean {
  return Array.isArray(value) ? value.length > 0 : Boolean(value);
}
