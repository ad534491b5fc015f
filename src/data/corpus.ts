/**
 * The loaded corpus: every record by id and by kind, what each article says of each entity, and
 * the relation indexes of relations.ts. `loadCorpus` (load.ts) fills it and indexes it once;
 * it is read-only afterwards.
 */
import type { Kind, Mention, NodeRecord, RecordOf } from './records.ts';
import { type Derivation, type Lookup, RELATIONS, type Relation, type Relations } from './relations.ts';

export class Corpus implements Lookup {
  private readonly byId = new Map<string, NodeRecord>();
  private readonly byKind = new Map<Kind, NodeRecord[]>();
  private readonly relations = new Map<Relation, Map<string, NodeRecord[]>>();
  private readonly mentionsByEntity = new Map<string, Mention[]>();

  /** `dataDir` is the folder the records were read from. */
  constructor(readonly dataDir: string) {}

  add(record: NodeRecord): void {
    this.byId.set(record.id, record);
    push(this.byKind, record.kind, record);
  }

  addMention(mention: Mention): void {
    push(this.mentionsByEntity, mention.entity, mention);
  }

  /**
   * Builds every relation index of relations.ts, once every record is in, and copies every list
   * to its size (V8 grows an array by half again, so a list grown one record at a time holds
   * spare slots). Records are listed in load order, each once under a key: a claim naming an
   * actor twice is listed once.
   */
  index(): void {
    const derivations = new Map<Kind, [Relation, Derivation][]>();
    for (const [relation, derivation] of Object.entries(RELATIONS) as [Relation, Derivation][]) {
      for (const kind of derivation.kinds) push(derivations, kind, [relation, derivation]);
    }
    for (const record of this.byId.values()) {
      for (const [relation, derivation] of derivations.get(record.kind) ?? []) {
        let index = this.relations.get(relation);
        if (!index) {
          index = new Map();
          this.relations.set(relation, index);
        }
        // One record at a time: a repeat can only be the last entry of its list.
        for (const key of derivation.keys(record as never, this)) {
          const list = index.get(key);
          if (!list) index.set(key, [record]);
          else if (list[list.length - 1] !== record) list.push(record);
        }
      }
    }
    for (const [kind, list] of this.byKind) this.byKind.set(kind, list.slice());
    for (const index of this.relations.values()) {
      for (const [key, list] of index) index.set(key, list.slice());
    }
    for (const [entity, list] of this.mentionsByEntity) this.mentionsByEntity.set(entity, list.slice());
  }

  get(id: string): NodeRecord | undefined {
    return this.byId.get(id);
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  all<K extends Kind>(kind: K): readonly RecordOf<K>[] {
    return (this.byKind.get(kind) ?? []) as RecordOf<K>[];
  }

  related<R extends Relation>(relation: R, key: string): readonly Relations[R][] {
    return (this.relations.get(relation)?.get(key) ?? []) as Relations[R][];
  }

  mentions(entity: string): readonly Mention[] {
    return this.mentionsByEntity.get(entity) ?? [];
  }

  /** Every record: entities, then, article by article, the article and its claims. */
  *records(): IterableIterator<NodeRecord> {
    yield* this.byId.values();
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
