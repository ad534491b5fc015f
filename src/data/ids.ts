/**
 * The ids of the corpus: where each was defined, so that a duplicate is reported with both places
 * and every reference is checked to name a record of the right kind. A reference may name a record
 * of a later article: one not defined yet is checked again once every article is read.
 */
import type { DataError } from '../errors.ts';
import { showPath } from './read.ts';
import type { Kind } from './records.ts';

interface Definition {
  kind: Kind;
  file: string;
}

/** Makes the error for an id, at the record and field that hold it. */
export type ReferenceFault = (problem: string) => DataError;

export class IdRegistry {
  private readonly definitions = new Map<string, Definition>();
  private last: Definition | undefined;
  private readonly pending: { id: string; kinds: readonly Kind[]; fault: ReferenceFault }[] = [];

  /** Records that `id` is a `kind` defined in `file`; `fault` makes the error for a duplicate. */
  define(id: string, kind: Kind, file: string, fault: ReferenceFault): void {
    const earlier = this.definitions.get(id);
    if (earlier) {
      const where = earlier.file === file ? 'earlier in this file' : `in ${showPath(earlier.file)}`;
      throw fault(`duplicate id ${JSON.stringify(id)}: already defined ${where}`);
    }
    // The ids of one file are defined one after another: they share one definition.
    const last = this.last;
    this.last = last?.kind === kind && last.file === file ? last : { kind, file };
    this.definitions.set(id, this.last);
  }

  /** Throws unless `id` is a record of one of `kinds`; an id not defined yet is checked at `checkPending`. */
  check(id: string, kinds: readonly Kind[], fault: ReferenceFault): void {
    const definition = this.definitions.get(id);
    if (!definition) this.pending.push({ id, kinds, fault });
    else if (!kinds.includes(definition.kind)) throw fault(wrongKind(id, definition.kind, kinds));
  }

  /** Checks the references to ids that were not defined when they were read, now that all are. */
  checkPending(): void {
    for (const { id, kinds, fault } of this.pending) {
      const definition = this.definitions.get(id);
      if (!definition) throw fault(`unknown id ${JSON.stringify(id)}`);
      if (!kinds.includes(definition.kind)) throw fault(wrongKind(id, definition.kind, kinds));
    }
    this.pending.length = 0;
  }
}

function wrongKind(id: string, kind: Kind, expected: readonly Kind[]): string {
  return `${JSON.stringify(id)} is a ${kind}, expected ${expected.join(' or ')}`;
}
