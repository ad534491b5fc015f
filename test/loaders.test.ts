/**
 * Links resolve through per-request DataLoaders: a traversal over many items makes one batch per
 * loader per level of the query, never one call per item.
 */
import { describe, expect, it } from 'vitest';
import { client, fixtureCorpus, withCost } from './helpers.ts';

describe('per-request DataLoaders', () => {
  it('make one batch per relation and one per level for records, however many items', async () => {
    const api = client(fixtureCorpus(), withCost(1_000_000));
    const { data, errors } = await api.run<{ people: { nodes: { quotes: { nodes: unknown[] } }[] } }>(`{
      people(first: 100) {
        nodes {
          name
          quotes { nodes { text speaker { name } } }
          agreementsSigned { nodes { name parties { actor { name accusationsMade { totalCount } } } } }
        }
      }
    }`);
    expect(errors).toBeUndefined();
    const quotes = data?.people.nodes.flatMap((person) => person.quotes.nodes) ?? [];
    expect(quotes.length).toBe(10);
    const stats = api.contexts.at(-1)?.loaders.stats;
    // The fixture's seven people: one batch each for their quotes and their agreements, seven keys
    // in each.
    expect(stats?.quotesBySpeaker).toEqual({ batches: 1, keys: 7 });
    expect(stats?.agreementsBySignatory).toEqual({ batches: 1, keys: 7 });
    // The speakers of ten quotes (the seven people) and the parties of the signed agreements (four
    // countries) load in one batch of distinct ids.
    expect(stats?.node).toEqual({ batches: 1, keys: 11 });
    // The parties of the two agreements, each signed by two people: one batch, four keys.
    expect(stats?.accusationsByAccuser).toEqual({ batches: 1, keys: 4 });
  });

  it('are fresh for every request: nothing is cached across requests', async () => {
    const api = client();
    // Two different operations, so that both execute (an identical one would be a response-cache hit).
    await api.run('{ people(first: 3) { nodes { quotes { totalCount } } } }');
    await api.run('{ people(first: 3) { nodes { name quotes { totalCount } } } }');
    const [first, second] = api.contexts;
    expect(first?.loaders).not.toBe(second?.loaders);
    expect(second?.loaders.stats.quotesBySpeaker).toEqual({ batches: 1, keys: 3 });
  });
});
