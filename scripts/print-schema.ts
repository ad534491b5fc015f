/** Prints the schema from the code into schema.graphql (sorted), or with --check fails on drift. */
import { readFileSync, writeFileSync } from 'node:fs';
import { printSchema } from 'graphql';
import { schema } from '../src/schema/index.ts';

const file = new URL('../schema.graphql', import.meta.url);
const printed = `${printSchema(schema)}\n`;

if (process.argv.includes('--check')) {
  if (readFileSync(file, 'utf8') !== printed) {
    console.error('schema.graphql is out of date: run `npm run schema`');
    process.exit(1);
  }
} else {
  writeFileSync(file, printed);
}
