/**
 * Vitest's global setup: builds dist/ from src/ before any test runs, as `npm ci` does. The
 * end-to-end tests start dist/server.js as `npm start` does, and the search index runs its
 * compiled worker even when the rest runs from source (src/search/search.ts says why).
 */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';

export default function build(): void {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], {
    cwd: new URL('..', import.meta.url),
    stdio: 'inherit',
  });
}
