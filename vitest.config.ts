import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  // graphql 16 ships CommonJS (`main`) and ESM (`module`) builds. Node loads the CommonJS one for
  // every package in node_modules; make Vite resolve the project's own imports to the same file,
  // or the schema would mix two copies of graphql.
  resolve: { alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }] },
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/build.setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // Apollo's gateway sends usage telemetry unless this is set.
    env: { APOLLO_TELEMETRY_DISABLED: 'true' },
  },
});
