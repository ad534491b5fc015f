/**
 * Times loadCorpus on one data directory, without the server: `node --expose-gc --import tsx
 * bench/load.ts <data-dir>` prints the time to load and verify the data, the time until the
 * search index (built after the load, in a worker thread) is ready, the RSS and main-thread
 * heap after a full GC, and the peak RSS.
 */
import { loadCorpus } from '../src/data/load.ts';
import { SearchIndex } from '../src/search/search.ts';

const dir = process.argv[2];
if (!dir) throw new Error('usage: load.ts <data-dir>');
const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
const started = performance.now();
const corpus = loadCorpus(dir);
const loaded = performance.now() - started;
globalThis.gc?.();
const afterLoad = process.memoryUsage().rss;
await new SearchIndex(corpus).ready;
const searchable = performance.now() - started;
globalThis.gc?.();
const { rss, heapUsed } = process.memoryUsage();
console.log(
  `${dir}: ${corpus.all('Article').length} articles loaded in ${Math.round(loaded)} ms (RSS ${mb(afterLoad)} MB), ` +
    `searchable in ${Math.round(searchable)} ms; RSS ${mb(rss)} MB, main heap ${mb(heapUsed)} MB after GC; ` +
    `peak RSS ${mb(process.resourceUsage().maxRSS * 1024)} MB`,
);
process.exit(0);
