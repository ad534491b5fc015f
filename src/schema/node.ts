import type { Context } from '../context.ts';
import type { Kind, NodeRecord, RecordOf } from '../data/records.ts';

/** `isTypeOf` for the object type backed by records of `kind`. */
export const isKind =
  (kind: Kind | 'Sentence') =>
  (value: unknown): boolean =>
    (value as { kind?: unknown } | null)?.kind === kind;

/** `resolveType` for interfaces and unions over records: the record's kind is its type name. */
export const kindOf = (value: NodeRecord): Kind => value.kind;

/** The Relay node options shared by every record type: local id, batched loading, type check. */
export function nodeOptions<K extends Kind>(kind: K) {
  return {
    id: { resolve: (record: RecordOf<K>) => record.id },
    loadManyWithoutCache: (ids: string[], context: Context) =>
      Promise.all(ids.map((id) => context.loaders.one(id, [kind]))),
    isTypeOf: isKind(kind),
  };
}
