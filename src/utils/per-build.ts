/**
 * Route data made once per build and shared by every page. Under `astro dev`
 * it is made afresh, so an edit shows on the next request; `devReuseMs` lets
 * the burst of calls one page makes share one result for that long.
 */
export function perBuild<T>(make: () => T, devReuseMs = 0): () => T {
  let kept: { at: number; value: T } | undefined;
  return () => {
    if (!kept || (import.meta.env.DEV && Date.now() - kept.at >= devReuseMs)) kept = { at: Date.now(), value: make() };
    return kept.value;
  };
}
