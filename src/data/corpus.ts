/**
 * The loaded corpus: every record by id and by kind, what each article says of each entity and
 * every mention, the article texts, and the relation indexes of relations.ts. `loadCorpus`
 * (load.ts) fills it and indexes it once; it is read-only afterwards.
 *
 * Lists of claims are in article order: article by article, and within an article by
 * `position` (where the claim's first passage starts). Lists of entities are in the order of
 * the data files.
 */
import type { ArticleText, Sentence } from './evidence.ts';
import type { Mention } from './mentions.ts';
import { type NameMatch, nameIndex, nameKey } from './names.ts';
import { evidenceOf } from './passages.ts';
import {
  CLAIM_KIND_SET,
  type ClaimRecord,
  ENTITY_FILES,
  type EntityInArticle,
  type EntityRecord,
  type Kind,
  type NodeRecord,
  type RecordOf,
} from './records.ts';
import { type Derivation, type Lookup, RELATIONS, type Relation, type Relations } from './relations.ts';

export class Corpus implements Lookup {
  private readonly byId = new Map<string, NodeRecord>();
  private readonly byKind = new Map<Kind, NodeRecord[]>();
  private readonly relations = new Map<Relation, Map<string, NodeRecord[]>>();
  private readonly inArticlesByEntity = new Map<string, EntityInArticle[]>();
  private readonly mentionsByEntity = new Map<string, Mention[]>();
  private readonly mentionsByArticle = new Map<string, Mention[]>();
  private readonly texts = new Map<string, ArticleText>();
  /** Each article's claims by the index of the sentences their evidence lies in, once asked for. */
  private readonly claimsBySentence = new Map<string, ClaimRecord[][]>();

  private names: Map<string, NameMatch[]> | undefined;
  private entities: readonly EntityRecord[] | undefined;

  /** `dataDir` is the folder the records were read from. */
  constructor(readonly dataDir: string) {}

  add(record: NodeRecord): void {
    this.byId.set(record.id, record);
    push(this.byKind, record.kind, record);
  }

  /** What one article says of one entity, and its mentions there in text order. */
  addEntityInArticle(entry: EntityInArticle, mentions: readonly Mention[]): void {
    push(this.inArticlesByEntity, entry.entity, entry);
    for (const mention of mentions) {
      push(this.mentionsByEntity, entry.entity, mention);
      push(this.mentionsByArticle, entry.article, mention);
    }
  }

  addArticleText(text: ArticleText): void {
    this.texts.set(text.article, text);
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
    for (const [kind, list] of this.byKind) this.byKind.set(kind, inArticleOrder(list.slice()));
    for (const index of this.relations.values()) {
      for (const [key, list] of index) index.set(key, inArticleOrder(list.slice()));
    }
    for (const [entity, list] of this.inArticlesByEntity) this.inArticlesByEntity.set(entity, list.slice());
    for (const [entity, list] of this.mentionsByEntity) this.mentionsByEntity.set(entity, list.slice());
    for (const [article, list] of this.mentionsByArticle) {
      this.mentionsByArticle.set(
        article,
        list.sort((a, b) => a.start - b.start || a.end - b.end),
      );
    }
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

  /** Every entity, kind by kind in the order of ENTITY_FILES, each kind in file order. */
  allEntities(): readonly EntityRecord[] {
    this.entities ??= Object.values(ENTITY_FILES).flatMap((kind) => this.all(kind));
    return this.entities;
  }

  related<R extends Relation>(relation: R, key: string): readonly Relations[R][] {
    return (this.relations.get(relation)?.get(key) ?? []) as Relations[R][];
  }

  /** What each article that mentions the entity says of it, article by article. */
  inArticles(entity: string): readonly EntityInArticle[] {
    return this.inArticlesByEntity.get(entity) ?? [];
  }

  /** Every mention of an entity, article by article, in text order. */
  mentions(entity: string): readonly Mention[] {
    return this.mentionsByEntity.get(entity) ?? [];
  }

  /** Every mention of every entity in one article, in text order. */
  mentionsIn(article: string): readonly Mention[] {
    return this.mentionsByArticle.get(article) ?? [];
  }

  /** The entities a name, an alias or a description names (names.ts); built on first use. */
  named(name: string): readonly NameMatch[] {
    this.names ??= nameIndex(this.allEntities(), (entity) => this.mentions(entity));
    return this.names.get(nameKey(name)) ?? [];
  }

  /** The mentions of an article that start in [start, end), in text order. */
  mentionsBetween(article: string, start: number, end: number): readonly Mention[] {
    const mentions = this.mentionsIn(article);
    const from = firstAtOrAfter(mentions, start);
    let to = from;
    while (to < mentions.length && (mentions[to] as Mention).start < end) to++;
    return mentions.slice(from, to);
  }

  /** An article's text, with its sentences. */
  text(article: string): ArticleText | undefined {
    return this.texts.get(article);
  }

  /** The sentence of an article at `index`, from 0; undefined when there is none. */
  sentence(article: string, index: number): Sentence | undefined {
    return this.texts.get(article)?.sentences[index];
  }

  /**
   * The claims of an article whose evidence (their own, or the words of any of their roles)
   * lies in one of its sentences, in article order. Found per article on first use.
   */
  claimsInSentence(sentence: Sentence): readonly ClaimRecord[] {
    let bySentence = this.claimsBySentence.get(sentence.article);
    if (!bySentence) {
      const text = this.texts.get(sentence.article);
      bySentence = text ? sentenceIndex(text, this.related('claimsByArticle', sentence.article)) : [];
      this.claimsBySentence.set(sentence.article, bySentence);
    }
    return bySentence[sentence.index] ?? [];
  }

  /** Every record: entities, then, article by article, the article and its claims. */
  *records(): IterableIterator<NodeRecord> {
    yield* this.byId.values();
  }
}

/**
 * A list of claims in article order. Lists are built in load order, which is article by article,
 * so only the claims of each article need sorting: by position, then in load order. Any other
 * list is left as it is.
 */
function inArticleOrder<T extends NodeRecord>(list: T[]): T[] {
  if (list.length < 2 || !CLAIM_KIND_SET.has((list[0] as NodeRecord).kind)) return list;
  const claims = list as unknown as ClaimRecord[];
  let from = 0;
  for (let i = 1; i <= claims.length; i++) {
    if (i === claims.length || claims[i]?.article !== claims[from]?.article) {
      if (i - from > 1) {
        const run = claims.slice(from, i).sort((a, b) => a.position - b.position);
        for (const [j, claim] of run.entries()) claims[from + j] = claim;
      }
      from = i;
    }
  }
  return list;
}

/** The index of the first mention that starts at or after `offset` (mentions in text order). */
function firstAtOrAfter(mentions: readonly Mention[], offset: number): number {
  let low = 0;
  let high = mentions.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((mentions[mid] as Mention).start < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** For each sentence of an article, the claims whose evidence lies in it (`claims` in article order). */
function sentenceIndex(text: ArticleText, claims: readonly ClaimRecord[]): ClaimRecord[][] {
  const bySentence: ClaimRecord[][] = text.sentences.map(() => []);
  for (const claim of claims) {
    for (const index of sentencesOf(text, claim)) {
      const list = bySentence[index];
      if (list && list.at(-1) !== claim) list.push(claim);
    }
  }
  return bySentence;
}

/** The indexes of the sentences a claim's evidence overlaps, ascending, without repeats. */
function sentencesOf(text: ArticleText, claim: ClaimRecord): number[] {
  const indexes = new Set<number>();
  for (const evidence of evidenceOf(claim)) {
    const [first, last] = text.sentenceRange(evidence.start, evidence.end);
    for (let index = first; index <= last; index++) indexes.add(index);
  }
  return [...indexes].sort((a, b) => a - b);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
