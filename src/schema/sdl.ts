import { printSchema } from 'graphql';
import { schema } from './index.ts';

/** The SDL committed as schema.graphql: printed from the code, sorted, never edited by hand. */
export function printedSchema(): string {
  return `${printSchema(schema)}\n`;
}
