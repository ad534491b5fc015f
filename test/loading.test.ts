/**
 * How the loader keeps the corpus compact without changing an answer: evidence is kept as offsets
 * and served as the words the files give; sentences are found on first use, as the segmenter
 * finds them; evidence is placed through a k-gram index that agrees with a plain scan of the text;
 * the search index (built in a worker from the files) indexes what the records hold, in their
 * order; and a reference may point to a record of a later article. All on the fixture corpus
 * (test/fixtures/corpus), whose three articles hold every kind of record.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import MiniSearch from 'minisearch';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { Corpus } from '../src/data/corpus.ts';
import { ArticleText, type Evidence } from '../src/data/evidence.ts';
import { loadCorpus } from '../src/data/load.ts';
import { evidenceOf } from '../src/data/passages.ts';
import type { NodeRecord } from '../src/data/records.ts';
import { SEARCH_KINDS, type SearchKind, searchDocuments } from '../src/search/documents.ts';
import { buildIndex, SEARCH_OPTIONS } from '../src/search/minisearch.ts';
import { searchOrder } from '../src/search/order.ts';
import { SearchIndex } from '../src/search/search.ts';
import { FIXTURE_DIR, fixtureCorpus, searchFor } from './helpers.ts';

const ARTICLES = join(FIXTURE_DIR, 'articles');
/** The fixture's articles, in the order the loader reads them. */
const articleDirs = readdirSync(ARTICLES)
  .sort()
  .map((name) => join(ARTICLES, name));
/** The text of the fixture's Kessel Treaty article, some 1,400 characters with curly quotes and dashes. */
const text = readFileSync(join(ARTICLES, 'kessel-treaty-report/text.txt'), 'utf8');
const dirs: string[] = [];

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A copy of the fixture without its last article: files that no longer match the corpus loaded from the fixture. */
function fixtureWithoutLastArticle(): string {
  const dir = mkdtempSync(join(tmpdir(), 'claimgraph-loading-'));
  dirs.push(dir);
  cpSync(FIXTURE_DIR, dir, { recursive: true });
  rmSync(join(dir, 'articles', readdirSync(ARTICLES).sort().at(-1) as string), { recursive: true });
  return dir;
}

/** Every object with an `exact` field in a JSON tree: the evidence as the files give it. */
function evidenceIn(value: unknown, into: { exact: string; prefix: string | null; suffix: string | null }[] = []) {
  if (Array.isArray(value)) for (const item of value) evidenceIn(item, into);
  else if (value && typeof value === 'object') {
    const { exact, prefix, suffix } = value as Record<string, unknown>;
    if (typeof exact === 'string') {
      into.push({
        exact,
        prefix: (prefix as string | undefined) ?? null,
        suffix: (suffix as string | undefined) ?? null,
      });
    } else for (const item of Object.values(value)) evidenceIn(item, into);
  }
  return into;
}

describe('evidence kept as offsets', () => {
  it('serves exactly the words, prefixes and suffixes the files give', () => {
    // Descriptions are served as mentions, exclusions not at all: both are checked apart.
    const withoutMentions = (key: string, value: unknown) =>
      key === 'descriptions' || key === 'exclusions' ? undefined : value;
    const fromFiles = articleDirs.flatMap((dir) =>
      readdirSync(dir)
        .filter((file) => file.endsWith('.json'))
        .flatMap((file) => evidenceIn(JSON.parse(readFileSync(join(dir, file), 'utf8'), withoutMentions))),
    );
    // Evidence with a prefix or a suffix, which the loader keeps as lengths.
    expect(fromFiles.filter((e) => e.prefix !== null).length).toBeGreaterThan(0);
    expect(fromFiles.filter((e) => e.suffix !== null).length).toBeGreaterThan(0);
    // Every record's evidence, read through the fields the schema exposes.
    const served: { exact: string; prefix: string | null; suffix: string | null }[] = [];
    const walk = (value: unknown): void => {
      if (Array.isArray(value)) for (const item of value) walk(item);
      else if (value && typeof value === 'object') {
        if ('exact' in value) {
          const { exact, prefix, suffix } = value as { exact: string; prefix: string | null; suffix: string | null };
          served.push({ exact, prefix, suffix });
        } else for (const item of Object.values(value)) walk(item);
      }
    };
    const data = fixtureCorpus();
    for (const record of data.records()) {
      walk(record);
      walk(data.inArticles(record.id));
    }
    const key = (e: { exact: string; prefix: string | null; suffix: string | null }) =>
      JSON.stringify([e.exact, e.prefix, e.suffix]);
    expect(served.map(key).sort()).toEqual(fromFiles.map(key).sort());
    for (const dir of articleDirs) {
      const mentions = JSON.parse(readFileSync(join(dir, 'mentions.json'), 'utf8')) as {
        entity: string;
        descriptions?: { exact: string }[];
      }[];
      for (const { entity, descriptions = [] } of mentions) {
        const article = (JSON.parse(readFileSync(join(dir, 'article.json'), 'utf8')) as { id: string }).id;
        const described = data
          .mentions(entity)
          .filter((mention) => mention.form === 'DESCRIPTION' && mention.article === article);
        expect(described.map((mention) => mention.exact).sort()).toEqual(descriptions.map((d) => d.exact).sort());
      }
    }
  });
});

describe('article texts kept as their UTF-8 bytes', () => {
  it('serve the text the file gives, before and after the evidence is placed', () => {
    const data = loadCorpus(FIXTURE_DIR);
    expect(data.all('Article')).toHaveLength(articleDirs.length);
    for (const article of data.all('Article')) {
      const fromFile = readFileSync(join(FIXTURE_DIR, article.textFile), 'utf8');
      expect(article.text).toBe(fromFile);
      expect(article.length).toBe(fromFile.length);
    }
  });

  it('serve every text and its evidence when more are read than are kept decoded', () => {
    const texts = Array.from({ length: 100 }, (_, i) => `${i}: “${text.slice(i, i + 500)}” – ${i}`);
    const articles = texts.map((words, i) => new ArticleText(`a${i}`, words));
    const placed = articles.map((article, i) => article.locate({ exact: `${i}: “` }));
    for (const article of articles) article.placed();
    for (let round = 0; round < 2; round++) {
      for (const [i, article] of articles.entries()) {
        expect(article.text).toBe(texts[i]);
        expect((placed[i] as Evidence).exact).toBe(`${i}: “`);
      }
    }
    // Back and forth between two articles: the latest read is never another's text.
    for (const [i, article] of articles.entries()) {
      expect(article.text).toBe(texts[i]);
      expect(articles[0]?.text).toBe(texts[0]);
      expect((placed[i] as Evidence).exact).toBe(`${i}: “`);
    }
  });
});

describe('sentences found on first use', () => {
  it('are the sentences the segmenter finds, in full and around every offset', () => {
    const article = new ArticleText('a', text);
    const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
    const expected = [...segmenter.segment(text)]
      .map(({ segment, index }) => ({ trimmed: segment.trim(), index, segment }))
      .filter(({ trimmed }) => trimmed !== '')
      .map(({ trimmed, index, segment }, i) => {
        const start = index + segment.indexOf(trimmed);
        return { kind: 'Sentence', article: 'a', index: i, start, end: start + trimmed.length, text: trimmed };
      });
    expect(article.sentences).toEqual(expected);
    for (let offset = 0; offset < text.length; offset += 97) {
      const holding = expected.filter((sentence) => sentence.start <= offset).at(-1);
      expect(article.sentenceAt(offset)).toEqual(holding);
    }
  });

  it('are not computed while evidence is placed, only when a sentence is asked for', () => {
    const segment = vi.spyOn(Intl.Segmenter.prototype, 'segment');
    try {
      const data = loadCorpus(FIXTURE_DIR);
      expect(segment).not.toHaveBeenCalled();
      const [quote] = data.all('Quote');
      expect(quote?.words.sentence.text).toContain(quote?.words.exact);
      expect(segment).toHaveBeenCalledTimes(1);
      // Found once per article, then kept: every article of the fixture has quotes.
      const quoted = new Set(data.all('Quote').map((other) => other.article));
      expect(quoted.size).toBe(articleDirs.length);
      for (let round = 0; round < 2; round++) {
        for (const other of data.all('Quote'))
          expect(other.words.sentence.start).toBeLessThanOrEqual(other.words.start);
        expect(segment).toHaveBeenCalledTimes(quoted.size);
      }
    } finally {
      segment.mockRestore();
    }
  });
});

describe('evidence placed through a k-gram index', () => {
  /** The placement the loader made before the index: every occurrence, then the context. */
  function plainScan(haystack: string, exact: string, prefix?: string, suffix?: string): number | null {
    const matching: number[] = [];
    for (let at = haystack.indexOf(exact); at !== -1; at = haystack.indexOf(exact, at + 1)) {
      if (prefix !== undefined && haystack.slice(at - prefix.length, at) !== prefix) continue;
      if (suffix !== undefined && !haystack.startsWith(suffix, at + exact.length)) continue;
      matching.push(at);
    }
    return matching.length === 1 ? (matching[0] ?? null) : null;
  }

  it('agrees with a plain scan on overlapping, repeated, short and edge-of-text words', () => {
    // "š" shares its low byte with "a", which the index's k-grams keep. Two articles are placed at
    // once, and then marked placed, so the next round's may fill tables the last round used.
    // A seeded generator (mulberry32) over a small alphabet, so words recur and overlap.
    let state = 42;
    const random = () => {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const pick = (n: number) => Math.floor(random() * n);
    for (let round = 0; round < 200; round++) {
      const haystacks = [0, 1].map(() => Array.from({ length: 20 + pick(200) }, () => 'ab “cš'[pick(6)]).join(''));
      const articles = haystacks.map((haystack) => new ArticleText('a', haystack));
      for (let i = 0; i < 60; i++) {
        const haystack = haystacks[i % 2] as string;
        const article = articles[i % 2] as ArticleText;
        const start = pick(haystack.length);
        const exact = haystack.slice(start, start + 1 + pick(8));
        const before = pick(3);
        const after = pick(3);
        const prefix = before > 0 && start >= before ? haystack.slice(start - before, start) : undefined;
        const suffix =
          after > 0 ? haystack.slice(start + exact.length, start + exact.length + after) || undefined : undefined;
        const expected = plainScan(haystack, exact, prefix, suffix);
        const located = article.locate({ exact, prefix, suffix });
        if (expected === null) expect(typeof located).toBe('string');
        else expect(typeof located === 'string' ? located : located.start).toBe(expected);
      }
      for (const article of articles) article.placed();
    }
  });

  it('refuses a prefix that would reach before the text', () => {
    const article = new ArticleText('a', 'Report one. Report two.');
    expect(article.locate({ exact: 'Report', prefix: 'x' })).toBe(
      '"Report" occurs 2 time(s), but none with the given prefix/suffix matches',
    );
  });
});

describe('the search index, built from the files in a worker', () => {
  /** The document of each record as the record holds it, with the record's position as its id; then each sentence's. */
  function fromRecords(data: Corpus, records: readonly NodeRecord[]) {
    const words = (evidence: readonly { exact: string }[]) => evidence.map((e) => e.exact).join(' ');
    const kind = (name: SearchKind) => SEARCH_KINDS.indexOf(name);
    const document = (record: NodeRecord, id: number) => {
      switch (record.kind) {
        case 'Person':
        case 'Country':
        case 'Organization':
        case 'Place':
        case 'Item': {
          const descriptions = data.mentions(record.id).filter((mention) => mention.form === 'DESCRIPTION');
          const titles = data.inArticles(record.id).flatMap((entry) => entry.titles);
          return {
            id,
            kind: kind(record.kind),
            name: record.name,
            aliases: [...record.names.slice(1).map((name) => name.text), ...descriptions.map((d) => d.exact)].join(' '),
            titles: titles.flatMap((title) => [title.title, words(title.evidence)]).join(' '),
          };
        }
        case 'Article':
          return {
            id,
            kind: kind('Article'),
            name: record.title,
            evidence: words([record.titleEvidence, record.publisher.evidence, ...record.published.evidence]),
            notes: record.published.inference,
          };
        case 'Event':
          return {
            id,
            kind: kind('Event'),
            name: record.name,
            evidence: words(evidenceOf(record)),
            notes: record.date.resolution,
          };
        case 'Agreement':
          return { id, kind: kind('Agreement'), name: record.name, evidence: words(evidenceOf(record)) };
        case 'Provision':
          return { id, kind: kind('Provision'), name: record.summary, evidence: words(evidenceOf(record)) };
        case 'Accusation':
          return { id, kind: kind('Accusation'), name: record.act, evidence: words(evidenceOf(record)) };
        case 'Quote':
          return { id, kind: kind('Quote'), name: record.words.exact, evidence: words(evidenceOf(record)) };
        case 'Statement':
          return {
            id,
            kind: kind('Statement'),
            name: record.predicate.toLowerCase().replaceAll('_', ' '),
            evidence: words(evidenceOf(record)),
            ...(record.date && { notes: record.date.resolution }),
          };
      }
    };
    const sentences = data
      .all('Article')
      .flatMap((article) => data.text(article.id)?.sentences ?? [])
      .map((sentence, i) => ({ id: records.length + i, kind: kind('Sentence'), text: sentence.text }));
    return [...records.map(document), ...sentences];
  }

  it('indexes what the records hold, articles first, then entities, then claims article by article', () => {
    for (const dir of [FIXTURE_DIR]) {
      const data = loadCorpus(dir);
      const order = new Map([...data.records()].map((record, i) => [record, i]));
      const load = (record: NodeRecord) => order.get(record) ?? -1;
      const records = searchOrder(data);
      const articles = data.all('Article');
      expect(articles.length).toBeGreaterThan(1);
      const entities = (['Person', 'Country', 'Organization', 'Place', 'Item'] as const).flatMap((kind) =>
        data.all(kind),
      );
      // Claims in load order: each article's files one after another, each file's records in order.
      const claims = articles.flatMap((article) =>
        (['Event', 'Agreement', 'Accusation', 'Quote', 'Statement'] as const).flatMap((kind) =>
          data
            .all(kind)
            .filter((claim) => claim.article === article.id)
            .sort((a, b) => load(a) - load(b))
            .flatMap((claim) =>
              claim.kind === 'Agreement'
                ? [claim, ...claim.provisions.map((provision) => data.get(provision) as NodeRecord)]
                : [claim],
            ),
        ),
      );
      expect(records).toEqual([...articles, ...entities, ...claims]);
      // Every record once: a document's id, its position, names one record.
      expect(new Set(records.map((record) => record.id)).size).toBe([...data.records()].length);
      expect([...searchDocuments(dir)]).toEqual(fromRecords(data, records));
    }
  });

  it('turns each hit back into the record it was built from', async () => {
    const data = fixtureCorpus();
    const index = searchFor(data);
    await index.ready;
    // A claim of the last article, found by the words of its name, lies at the end of the order.
    const last = data.all('Article').at(-1) as NodeRecord;
    const quote = data.related('claimsByArticle', last.id).find((claim) => claim.kind === 'Quote');
    if (quote?.kind !== 'Quote') throw new Error('every article of the fixture has a quote');
    const hits = await index.search(quote.words.exact);
    expect(hits.map((hit) => hit.record)).toContain(quote);
    for (const { record } of hits) {
      if (record.kind === 'Sentence') expect(data.sentence(record.article, record.index)).toBe(record);
      else expect(data.get(record.id)).toBe(record);
    }
    expect(hits.some((hit) => hit.record.kind === 'Sentence')).toBe(true);
  });

  it('keeps the scores of a plain MiniSearch index once trimmed', () => {
    const documents = [...searchDocuments(FIXTURE_DIR)];
    const plain = new MiniSearch(SEARCH_OPTIONS);
    plain.addAll(documents);
    const trimmed = buildIndex(documents);
    // A word, a name, a misspelt name (fuzzy), two words of one claim, two words of one title.
    for (const query of ['drones', 'Brenner', 'Brener', 'supplying missiles', 'minister estmark']) {
      expect(plain.search(query).length, query).toBeGreaterThan(0);
      expect(trimmed.search(query)).toEqual(plain.search(query));
    }
  });

  it('fails, and fails every search, when the files no longer hold one document per record', async () => {
    // The worker reads the files after the loader: built from other files than the corpus's
    // records, its positions would name the wrong records, so it is refused.
    const data = loadCorpus(FIXTURE_DIR);
    const index = new SearchIndex(data, { dataDir: fixtureWithoutLastArticle() });
    try {
      const records = searchOrder(data).length;
      await expect(index.ready).rejects.toThrow(new RegExp(`search index: \\d+ documents for ${records} records`));
      await expect(index.search('drones')).rejects.toThrow('Search is unavailable.');
    } finally {
      index.close();
    }
  });

  it('answers a search made before it is built, once it is built', async () => {
    const index = new SearchIndex(loadCorpus(FIXTURE_DIR));
    try {
      const early = index.search('drones');
      await index.ready;
      const late = await index.search('drones');
      expect((await early).map((hit) => hit.record)).toEqual(late.map((hit) => hit.record));
      expect(late.length).toBeGreaterThan(0);
    } finally {
      index.close();
    }
  });
});

describe('references', () => {
  it('may point to a record of a later article', () => {
    // The fixture's first article quotes Anna Varga on the Kessel Treaty and one of its provisions,
    // which the second article records.
    const data = loadCorpus(FIXTURE_DIR);
    const order = data.all('Article').map((article) => article.id);
    const quote = data.get('quote-varga-already-working');
    if (quote?.kind !== 'Quote') throw new Error('the fixture has quote-varga-already-working');
    for (const later of ['kessel-treaty', 'provision-joint-patrols']) {
      const record = data.get(later);
      if (record?.kind !== 'Agreement' && record?.kind !== 'Provision') throw new Error(`the fixture has ${later}`);
      expect(order.indexOf(record.article)).toBeGreaterThan(order.indexOf(quote.article));
      expect(quote.about.map((role) => role.ref)).toContain(later);
      expect(data.related('quotesByTopic', later)).toContain(quote);
    }
  });
});
