/**
 * The fixture corpus (test/fixtures/corpus) holds what the behaviour tests rely on, as
 * test/fixtures/README.md promises: every kind of record and every value of every enum the data
 * can hold, evidence that needs a prefix or a suffix, an entity several articles mention, a
 * reference to a record of a later article, and lists long enough to page. A change to the
 * fixture that drops one of these fails here, by name, rather than weakening another test.
 */
import { describe, expect, it } from 'vitest';
import { DatePrecision, ItemFile, Polarity, QuoteChannel, QuoteForm, Stance } from '../src/data/files.ts';
import { ENTITY_KINDS, type NodeRecord } from '../src/data/records.ts';
import { fixtureCorpus } from './helpers.ts';

const data = fixtureCorpus();
const articleOrder = data.all('Article').map((article) => article.id);

/** Every object with an `exact` field under a value: the evidence a record or mention holds. */
function evidenceOf(value: unknown, into: { prefix: string | null; suffix: string | null }[] = []) {
  if (Array.isArray(value)) for (const item of value) evidenceOf(item, into);
  else if (value && typeof value === 'object') {
    if ('exact' in value) into.push(value as unknown as { prefix: string | null; suffix: string | null });
    else for (const item of Object.values(value)) evidenceOf(item, into);
  }
  return into;
}

describe('the fixture corpus', () => {
  it('has several articles, and lists longer than three pages of two', () => {
    expect(data.all('Article').length).toBeGreaterThanOrEqual(3);
    for (const kind of ['Person', 'Quote', 'Event'] as const) expect(data.all(kind).length, kind).toBeGreaterThan(6);
    for (const kind of ['Country', 'Organization', 'Place', 'Item', 'Accusation', 'Provision'] as const) {
      expect(data.all(kind).length, kind).toBeGreaterThanOrEqual(3);
    }
    expect(data.all('Agreement').length).toBeGreaterThanOrEqual(2);
  });

  it('has a record of every kind, items of every category, places with and without a country', () => {
    for (const kind of ENTITY_KINDS) expect(data.all(kind).length, kind).toBeGreaterThan(0);
    const categories = new Set(data.all('Item').map((item) => item.category));
    expect(categories).toEqual(new Set(ItemFile.shape.category.options));
    const places = data.all('Place');
    expect(places.some((place) => place.country !== null)).toBe(true);
    expect(places.some((place) => place.country === null)).toBe(true);
  });

  it('dates events with every precision, an open range among them, in places and in whole countries', () => {
    const events = data.all('Event');
    expect(new Set(events.map((event) => event.date.precision))).toEqual(new Set(DatePrecision.options));
    const ranges = events.filter((event) => event.date.precision === 'RANGE');
    expect(ranges.some((event) => event.date.end === null)).toBe(true);
    expect(ranges.some((event) => event.date.end !== null)).toBe(true);
    const locations = events.map((event) => (event.place ? data.get(event.place.ref)?.kind : undefined));
    expect(locations).toContain('Place');
    expect(locations).toContain('Country');
    expect(locations).toContain(undefined);
  });

  it('has an agreement with every field, one without the optional ones, and provisions of both statuses', () => {
    const agreements = data.all('Agreement');
    const full = agreements.find(
      (a) => a.articleCount && a.publishedBy && a.event && a.signatories.length > 0 && a.parties.length > 1,
    );
    expect(full).toBeDefined();
    expect(agreements.some((a) => a.articleCount === null && a.publishedBy === null)).toBe(true);
    const statuses = data.all('Provision').map((provision) => provision.status);
    expect(new Set(statuses)).toEqual(new Set(['PROVIDED', 'NOT_PROVIDED']));
  });

  it('has accusations with every role, responses of every stance, and one with no response', () => {
    const accusations = data.all('Accusation');
    const stances = accusations.flatMap((a) => a.responses.map((response) => response.stance));
    expect(new Set(stances)).toEqual(new Set(Stance.options));
    expect(accusations.some((a) => a.responses.length === 0)).toBe(true);
    expect(accusations.some((a) => a.accusers.length > 1 && a.items.length > 1 && a.beneficiaries.length > 0)).toBe(
      true,
    );
    const accusers = new Set(accusations.flatMap((a) => a.accusers.map((role) => data.get(role.ref)?.kind)));
    expect(accusers).toEqual(new Set(['Organization', 'Person']));
  });

  it('has quotes of every form and channel, through named outlets, about records of several kinds, at events', () => {
    const quotes = data.all('Quote');
    expect(new Set(quotes.map((quote) => quote.form))).toEqual(new Set(QuoteForm.options));
    expect(new Set(quotes.map((quote) => quote.channel.kind))).toEqual(new Set(QuoteChannel.options));
    expect(quotes.filter((quote) => quote.channel.via !== null).length).toBeGreaterThan(1);
    const topics = new Set(quotes.flatMap((quote) => quote.about.map((role) => data.get(role.ref)?.kind)));
    for (const kind of ['Agreement', 'Provision', 'Accusation', 'Event', 'Country', 'Place']) {
      expect(topics, kind).toContain(kind);
    }
    expect(quotes.some((quote) => quote.about.length === 0)).toBe(true);
    expect(quotes.some((quote) => quote.event !== null)).toBe(true);
    // Someone quoted in two articles, three times in all.
    const varga = quotes.filter((quote) => quote.speaker.ref === 'anna-varga');
    expect(varga).toHaveLength(3);
    expect(new Set(varga.map((quote) => quote.article)).size).toBe(2);
  });

  it('has mentions with titles, entities several articles mention, and evidence with a prefix and a suffix', () => {
    const entities = ENTITY_KINDS.flatMap((kind) => data.all(kind) as readonly NodeRecord[]);
    const inArticles = entities.flatMap((entity) => data.inArticles(entity.id));
    expect(inArticles.filter((entry) => entry.titles.length > 0).length).toBeGreaterThan(3);
    expect(entities.filter((entity) => data.inArticles(entity.id).length > 1).length).toBeGreaterThan(3);
    const evidence = evidenceOf([[...data.records()], inArticles]);
    expect(evidence.some((e) => e.prefix !== null)).toBe(true);
    expect(evidence.some((e) => e.suffix !== null)).toBe(true);
  });

  it("has statements of both polarities, with and without a modality, in the article's voice and speakers'", () => {
    const statements = data.all('Statement');
    expect(new Set(statements.map((s) => s.polarity))).toEqual(new Set(Polarity.options));
    expect(statements.some((s) => s.modality === null)).toBe(true);
    expect(new Set(statements.flatMap((s) => (s.modality ? [s.modality] : []))).size).toBeGreaterThan(1);
    expect(statements.some((s) => s.attribution === null)).toBe(true);
    expect(statements.some((s) => (s.attribution?.quotes.length ?? 0) > 0)).toBe(true);
    expect(statements.some((s) => s.attribution !== null && s.attribution.quotes.length === 0)).toBe(true);
    expect(statements.some((s) => (s.attribution?.speakers.length ?? 0) > 1)).toBe(true);
    expect(statements.some((s) => s.date !== null)).toBe(true);
    // Several predicates, each in more than one article for some, and values of every sort.
    expect(new Set(statements.map((s) => s.predicate)).size).toBeGreaterThan(3);
    const values = new Set(
      statements.flatMap((s) => s.roles.map((role) => (role.ref ? data.get(role.ref)?.kind : null))),
    );
    for (const kind of [null, 'Person', 'Country', 'Place', 'Item', 'Agreement', 'Accusation', 'Event', 'Statement']) {
      expect(values, String(kind)).toContain(kind);
    }
    expect(new Set(statements.flatMap((s) => s.roles.map((role) => role.role))).size).toBeGreaterThan(4);
  });

  it('has events about records and part of another, titles related to records, and agreements named and labelled', () => {
    const events = data.all('Event');
    expect(events.some((event) => event.about.length > 0)).toBe(true);
    expect(events.some((event) => event.partOf !== null)).toBe(true);
    const titles = ENTITY_KINDS.flatMap((kind) => data.all(kind) as readonly NodeRecord[])
      .flatMap((entity) => data.inArticles(entity.id))
      .flatMap((entry) => entry.titles);
    expect(titles.some((title) => title.relatedTo.length > 0)).toBe(true);
    expect(titles.some((title) => title.relatedTo.length === 0)).toBe(true);
    const agreements = data.all('Agreement');
    expect(agreements.some((agreement) => agreement.nameEvidence !== null)).toBe(true);
    expect(agreements.some((agreement) => agreement.nameEvidence === null)).toBe(true);
  });

  it('refers from an article to records of a later one', () => {
    const forward = data
      .all('Quote')
      .flatMap((quote) => quote.about.map((role) => [quote, data.get(role.ref)] as const))
      .filter(([quote, record]) => {
        const later = record && 'article' in record ? record.article : undefined;
        return later !== undefined && articleOrder.indexOf(later) > articleOrder.indexOf(quote.article);
      });
    expect(forward.map(([, record]) => record?.kind).sort()).toEqual(['Agreement', 'Provision']);
  });
});
