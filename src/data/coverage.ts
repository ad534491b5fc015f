/**
 * Coverage: for each sentence of an article, the claims and events whose evidence lies in it and
 * the entities it names, and whether it states something at all. `npm run coverage` prints it;
 * a test holds the seed article to it: every sentence that states something carries a claim.
 */
import type { Corpus } from './corpus.ts';
import { Evidence, type Sentence } from './evidence.ts';
import type { ArticleRecord, ClaimRecord } from './records.ts';

/** A record with evidence in a sentence, and the fields of the record that hold it. */
export interface Holder<T> {
  record: T;
  fields: string[];
}

export interface SentenceCoverage {
  sentence: Sentence;
  /** The claims (events included) with evidence in the sentence, in load order. */
  claims: Holder<ClaimRecord>[];
  /** The entities the sentence names or gives a title, by id. */
  mentions: Holder<string>[];
  /** Why the sentence states nothing, or null when it states something. */
  statesNothing: string | null;
}

/**
 * Why a sentence states nothing, or null when it may state something. The rule, not a list:
 * - no letter at all ("-", "--"): a separator;
 * - it ends with a colon ("Related News :"): a label for what follows, and what follows is not
 *   the article's text;
 * - it is one quotation and nothing else ("“Ambitious goals”"): a heading that echoes words
 *   without saying who said them or of what;
 * - it is the publisher's name as the article record gives it ("DayFR Euro"): the article's
 *   provenance, held by the Article record, not a statement of the article.
 */
export function statesNothing(sentence: Sentence, article: ArticleRecord): string | null {
  const text = sentence.text;
  if (!/\p{L}/u.test(text)) return 'a separator: no words';
  if (text.endsWith(':')) return 'a label for what follows, and nothing of the article follows';
  if (/^“[^“”]*”$/u.test(text)) return 'a quotation alone, attributed to no one: a heading';
  if (text === article.publisher.evidence.exact) return "the publisher's name: provenance, on the Article record";
  return null;
}

/**
 * Whether a sentence carries a claim or an event: the words of one, or of one of its roles, lie
 * in it. A date's phrase alone does not count: "in October" dates a claim stated elsewhere.
 */
export function carriesClaim(coverage: SentenceCoverage): boolean {
  return coverage.claims.some(({ fields }) => fields.some((field) => field !== 'date'));
}

/** The sentences of an article that state something and carry no claim or event. */
export function uncovered(coverage: readonly SentenceCoverage[]): SentenceCoverage[] {
  return coverage.filter((sentence) => sentence.statesNothing === null && !carriesClaim(sentence));
}

/**
 * Every sentence of an article with what lies in it. Sentences are the corpus's own (`ArticleText`),
 * those `Evidence.sentence` gives.
 */
export function sentenceCoverage(corpus: Corpus, article: ArticleRecord): SentenceCoverage[] {
  const sentences = corpus.text(article.id)?.sentences ?? [];
  const coverage = sentences.map(
    (sentence): SentenceCoverage => ({
      sentence,
      claims: [],
      mentions: [],
      statesNothing: statesNothing(sentence, article),
    }),
  );
  const place = <T>(key: 'claims' | 'mentions', record: T, value: unknown) => {
    for (const [field, evidence] of evidenceIn(value)) {
      const holders = (coverage[evidence.sentence.index] as SentenceCoverage)[key] as Holder<T>[];
      let holder = holders.find((h) => h.record === record);
      if (!holder) {
        holder = { record, fields: [] };
        holders.push(holder);
      }
      if (!holder.fields.includes(field)) holder.fields.push(field);
    }
  };
  for (const claim of corpus.related('claimsByArticle', article.id)) place('claims', claim, claim);
  for (const entity of corpus.related('entitiesByArticle', article.id)) {
    const names = corpus.mentions(entity.id).filter((mention) => mention.article === article.id);
    const titles = corpus
      .inArticles(entity.id)
      .filter((entry) => entry.article === article.id)
      .flatMap((entry) => entry.titles);
    place('mentions', entity.id, { names, titles });
  }
  return coverage;
}

/** Every piece of evidence a record holds, with the top-level field that holds it. */
function* evidenceIn(value: unknown, field = ''): Generator<[string, Evidence]> {
  if (value instanceof Evidence) yield [field, value];
  else if (Array.isArray(value)) {
    for (const item of value) {
      // A statement's roles, one list: each value is shown under its role ("subject", "target").
      const role = field === 'roles' ? (item as { role?: unknown }).role : undefined;
      yield* evidenceIn(item, typeof role === 'string' ? role.toLowerCase() : field);
    }
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) yield* evidenceIn(item, field || key);
  }
}
