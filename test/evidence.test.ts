/**
 * Evidence as the server serves it, on the fixture's three articles: every piece, for every record,
 * is the exact words of its own article at the offsets given, in the sentence given; an entity that
 * several articles mention has evidence in each of their texts.
 */
import { describe, expect, it } from 'vitest';
import { servedEvidenceVerbatim } from './evidence.ts';
import { client, fixtureCorpus, globalId } from './helpers.ts';

describe('evidence served', () => {
  it('is the text of its own article, verbatim, at every offset served, for every record', async () => {
    const served = await servedEvidenceVerbatim(fixtureCorpus());
    const articles = fixtureCorpus().all('Article');
    expect(new Set(served.map((evidence) => evidence.article.id))).toEqual(
      new Set(articles.map((article) => globalId('Article', article.id))),
    );
    expect(served.some((evidence) => evidence.prefix !== null)).toBe(true);
    expect(served.some((evidence) => evidence.suffix !== null)).toBe(true);
  });

  it('names, for an entity several articles mention, each mention in the text that holds it', async () => {
    const { data } = await client().run<{
      node: { mentions: { nodes: { exact: string; article: { title: string } }[] }; articles: { totalCount: number } };
    }>(
      `query ($id: ID!) { node(id: $id) { ... on Country {
        mentions { nodes { exact article { title } } } articles { totalCount } } } }`,
      { id: globalId('Country', 'estmark') },
    );
    const articles = fixtureCorpus().all('Article');
    expect(data?.node.articles.totalCount).toBe(3);
    // Every occurrence of the name, article by article.
    const occurrences = articles.flatMap((article) =>
      Array.from(article.text.matchAll(/\bEstmark\b/g), () => article.title),
    );
    expect(data?.node.mentions.nodes.map((mention) => mention.article.title)).toEqual(occurrences);
    expect(new Set(occurrences)).toEqual(new Set(articles.map((article) => article.title)));
    expect(new Set(data?.node.mentions.nodes.map((mention) => mention.exact))).toEqual(new Set(['Estmark']));
  });
});
