/**
 * Every installed package declares support for the Node.js running the tests (Node 20 here): a
 * dependency whose newest release needs Node 22 must be pinned back in package.json `overrides`.
 */
import { existsSync, readFileSync } from 'node:fs';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

const root = new URL('../', import.meta.url);
const lock = JSON.parse(readFileSync(new URL('package-lock.json', root), 'utf8')) as {
  packages: Record<string, { version?: string }>;
};
const manifest = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { engines: { node: string } };

describe('engines', () => {
  it('the project itself supports this Node.js', () => {
    expect(semver.satisfies(process.version, manifest.engines.node)).toBe(true);
  });

  it('every installed package supports this Node.js', () => {
    const unsupported: string[] = [];
    for (const path of Object.keys(lock.packages)) {
      if (!path.startsWith('node_modules/')) continue;
      const file = new URL(`${path}/package.json`, root);
      if (!existsSync(file)) continue; // an optional package for another platform
      const { name, version, engines } = JSON.parse(readFileSync(file, 'utf8'));
      const range = engines?.node;
      if (typeof range === 'string' && !semver.satisfies(process.version, range, { includePrerelease: true })) {
        unsupported.push(`${name}@${version} needs node ${range}`);
      }
    }
    expect(unsupported).toEqual([]);
  });
});
