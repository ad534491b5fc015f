/**
 * Preloaded into the server by scripts/soak.ts only (with --expose-gc): SIGUSR2 runs a full
 * garbage collection, so the memory readings of the soak compare live data, not garbage that
 * happens to be uncollected. Plain JavaScript: the search worker inherits the preload, and Node 20
 * gives worker threads no loader hooks to read TypeScript with. Signals reach the main thread only.
 */
import { isMainThread } from 'node:worker_threads';

if (isMainThread) process.on('SIGUSR2', () => globalThis.gc?.());
