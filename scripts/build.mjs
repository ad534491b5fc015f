/**
 * `npm run build`: bundles the server and its search worker into dist/ with esbuild, as
 * `npm start` runs them: dist/server.js (src/server.ts) and dist/search-worker.js
 * (src/search/worker.ts), each with its source map. Dependencies are bundled too, so the server
 * loads two files instead of a few thousand; GraphiQL's renderer stays outside, loaded on the
 * first page view. Plain JavaScript, so that it runs before anything else is built.
 */
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

const root = new URL('..', import.meta.url);
rmSync(new URL('dist', root), { recursive: true, force: true });
await build({
  absWorkingDir: new URL('.', root).pathname,
  entryPoints: { server: 'src/server.ts', 'search-worker': 'src/search/worker.ts' },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  external: ['@graphql-yoga/render-graphiql'],
  // Bundled CommonJS packages call `require`, which an ES module does not have.
  banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
});
