/**
 * Every passage of the text a record carries: its own evidence and the words of each of its
 * roles, responses, dates, titles and quoted words. A claim "lies in" the sentences these
 * passages overlap, a span filter matches them, and search highlights words inside them.
 */
import { Evidence } from './evidence.ts';
import type { ClaimRecord } from './records.ts';

/** The passages of a claim, in the order its fields hold them (not text order). */
export function evidenceOf(claim: ClaimRecord): Evidence[] {
  const found: Evidence[] = [];
  collect(claim, found);
  return found;
}

function collect(value: unknown, into: Evidence[]): void {
  if (value instanceof Evidence) into.push(value);
  else if (Array.isArray(value)) for (const item of value) collect(item, into);
  else if (value !== null && typeof value === 'object') for (const item of Object.values(value)) collect(item, into);
}
