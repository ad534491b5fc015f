/**
 * Per-request DataLoaders: one by id for every record, and one per relation index. They are
 * created lazily, so a request pays only for the loaders it uses, and they count their batch calls
 * so tests can prove that a traversal makes one batch per level, not one call per item.
 */
import DataLoader from 'dataloader';
import type { Corpus } from './data/corpus.ts';
import type { Kind, NodeRecord, RecordOf } from './data/records.ts';
import type { Relation, Relations } from './data/relations.ts';

export class Loaders {
  /** Per loader name (`node`, or a relation name): batch calls and keys loaded in this request. */
  readonly stats: Partial<Record<'node' | Relation, { batches: number; keys: number }>> = {};
  private nodeLoader: DataLoader<string, NodeRecord | null> | undefined;
  private readonly relationLoaders = new Map<Relation, DataLoader<string, readonly NodeRecord[]>>();

  constructor(private readonly corpus: Corpus) {}

  /** Any record by its local id; null for an unknown id. */
  get node(): DataLoader<string, NodeRecord | null> {
    this.nodeLoader ??= new DataLoader(async (ids) => {
      this.count('node', ids.length);
      return ids.map((id) => this.corpus.get(id) ?? null);
    });
    return this.nodeLoader;
  }

  /** A record that the loader checked to be of one of `kinds`; null when it is not. */
  one<K extends Kind>(id: string, kinds: readonly K[]): Promise<RecordOf<K> | null> {
    return this.node.load(id).then((record) => (record && isOf(record, kinds) ? record : null));
  }

  /** Like `one`, for a reference the loader has verified: a missing record is a bug, not null. */
  ref<K extends Kind>(id: string, kinds: readonly K[]): Promise<RecordOf<K>> {
    return this.node.load(id).then((record) => {
      if (!record || !isOf(record, kinds)) throw new Error(`reference ${id} is not a ${kinds.join(' or ')}`);
      return record;
    });
  }

  /** Records related to a key through one index: e.g. `quotesBySpeaker` of a person's id. */
  related<R extends Relation>(relation: R): DataLoader<string, readonly Relations[R][]> {
    let loader = this.relationLoaders.get(relation);
    if (!loader) {
      loader = new DataLoader(async (keys) => {
        this.count(relation, keys.length);
        return keys.map((key) => this.corpus.related(relation, key));
      });
      this.relationLoaders.set(relation, loader);
    }
    return loader as DataLoader<string, readonly Relations[R][]>;
  }

  private count(name: 'node' | Relation, keys: number): void {
    const stats = this.stats[name] ?? { batches: 0, keys: 0 };
    stats.batches += 1;
    stats.keys += keys;
    this.stats[name] = stats;
  }
}

function isOf<K extends Kind>(record: NodeRecord, kinds: readonly K[]): record is RecordOf<K> {
  return (kinds as readonly Kind[]).includes(record.kind);
}
