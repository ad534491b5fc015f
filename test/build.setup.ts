/**
 * Vitest's global setup: builds dist/ from src/ before any test runs, as `npm start` does. The
 * end-to-end tests start dist/server.js as `npm start` does, and the search index runs the built
 * worker even when the rest runs from source (src/paths.ts says why).
 */
import { execFileSync } from 'node:child_process';

export default function build(): void {
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: new URL('..', import.meta.url), stdio: 'inherit' });
}
