/**
 * Writes trusted-operations.json, the allow-list used when CLAIMGRAPH_TRUSTED_OPERATIONS_ONLY is on:
 * every operation document under examples/ (the operations of docs/examples.md, which the example
 * clients use), keyed by the SHA-256 of its exact text. With --check, fails when the file is out of date.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'graphql';
import { TRUSTED_OPERATIONS_FILE } from '../src/paths.ts';
import type { TrustedOperation } from '../src/plugins/security.ts';

const root = new URL('../', import.meta.url);
const examples = new URL('examples/', root);

const operations: TrustedOperation[] = readdirSync(examples, { recursive: true, encoding: 'utf8' })
  .filter((path) => path.endsWith('.graphql') && !path.split('/').includes('node_modules'))
  .sort()
  .map((path) => {
    const document = readFileSync(new URL(path, examples), 'utf8');
    parse(document); // a broken example fails here, not at a client
    return {
      file: `examples/${path}`,
      sha256: createHash('sha256').update(document).digest('hex'),
      document,
    };
  });

const printed = `${JSON.stringify(operations, null, 2)}\n`;

if (process.argv.includes('--check')) {
  if (readFileSync(TRUSTED_OPERATIONS_FILE, 'utf8') !== printed) {
    console.error('trusted-operations.json is out of date: run `npm run trusted-operations`');
    process.exit(1);
  }
} else {
  writeFileSync(TRUSTED_OPERATIONS_FILE, printed);
  console.log(`trusted-operations.json: ${operations.length} operations`);
}
