/**
 * Preloaded into the server by scripts/soak.ts only (with --expose-gc): SIGUSR2 runs a full
 * garbage collection, so the memory readings before and after the soak compare live data, not
 * garbage that happens to be uncollected. Plain JavaScript: it is preloaded into the search
 * worker too, which cannot load TypeScript.
 */
process.on('SIGUSR2', () => globalThis.gc?.());
