/**
 * claimgraph behind a real Apollo gateway: composes claimgraph's subgraph.graphql with a second
 * subgraph (test/federation/coverage-subgraph.ts), serves both subgraphs and the gateway over
 * HTTP, and runs queries that cross the two subgraphs in both directions.
 */
import { readFileSync } from 'node:fs';
import { composeServices } from '@apollo/composition';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import type { Context } from '../src/context.ts';
import { createClaimgraph } from '../src/yoga.ts';
import { createCoverageSubgraph } from './federation/coverage-subgraph.ts';
import { fixtureCorpus, globalId, searchFor } from './helpers.ts';
import { type Listening, listen } from './http.ts';

/** What claimgraph executed: the `_entities` representations of each request, and its context. */
const claimgraphRequests: { representations: unknown; context: Context }[] = [];
const coverage = createCoverageSubgraph();
let subgraphs: Listening[] = [];
let gateway: ApolloServer;
let gatewayUrl: string;

beforeAll(async () => {
  // Apollo's gateway exports usage metrics unless told not to (vitest.config.ts sets it too).
  expect(process.env.APOLLO_TELEMETRY_DISABLED).toBe('true');

  const claimgraph = createClaimgraph({
    corpus: fixtureCorpus(),
    search: searchFor(fixtureCorpus()),
    config: loadConfig({}),
    plugins: [
      {
        onExecute: ({ args }) =>
          void claimgraphRequests.push({
            representations: args.variableValues?.representations,
            context: args.contextValue,
          }),
      },
    ],
  });
  subgraphs = [await listen(claimgraph.listener), await listen(coverage.yoga)];
  const [claimgraphServer, coverageServer] = subgraphs;

  const composed = composeServices([
    {
      name: 'claimgraph',
      url: `${claimgraphServer?.origin}/graphql`,
      typeDefs: parse(readFileSync(new URL('../subgraph.graphql', import.meta.url), 'utf8')),
    },
    { name: 'coverage', url: `${coverageServer?.origin}/graphql`, typeDefs: coverage.typeDefs },
  ]);
  expect(composed.errors).toBeUndefined();
  if (!composed.supergraphSdl) throw new Error('composition failed');

  gateway = new ApolloServer({
    gateway: new ApolloGateway({ supergraphSdl: composed.supergraphSdl }),
    plugins: [ApolloServerPluginUsageReportingDisabled(), ApolloServerPluginSchemaReportingDisabled()],
  });
  ({ url: gatewayUrl } = await startStandaloneServer(gateway, { listen: { host: '127.0.0.1', port: 0 } }));
});

afterAll(async () => {
  await gateway?.stop();
  await Promise.all(subgraphs.map((server) => server.close()));
});

async function throughGateway(query: string): Promise<unknown> {
  const response = await fetch(gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  expect(response.status).toBe(200);
  return response.json();
}

describe('claimgraph behind an Apollo gateway', () => {
  it('extends claimgraph people with fields of the other subgraph (claimgraph → coverage)', async () => {
    coverage.representations.length = 0;
    const result = await throughGateway(/* GraphQL */ `
      {
        people(first: 3) {
          nodes { name coverage { headlines outlets } }
        }
      }
    `);

    expect(result).toEqual({
      data: {
        people: {
          nodes: [
            { name: 'Anna Varga', coverage: { headlines: 41, outlets: ['Kessel Courier', 'Harbour Wire'] } },
            { name: 'Tomas Brenner', coverage: { headlines: 17, outlets: ['Kessel Courier'] } },
            { name: 'Ilse Marten', coverage: null },
          ],
        },
      },
    });
    // One fetch from the coverage subgraph for the whole list.
    expect(coverage.representations).toEqual([
      [
        { __typename: 'Person', id: globalId('Person', 'anna-varga') },
        { __typename: 'Person', id: globalId('Person', 'tomas-brenner') },
        { __typename: 'Person', id: globalId('Person', 'ilse-marten') },
      ],
    ]);
  });

  it('reaches the other subgraph through claimgraph interfaces', async () => {
    const result = await throughGateway(/* GraphQL */ `
      {
        accusations(itemCategory: DRONE) {
          nodes {
            accused { actor { name ... on Country { coverage { headlines } } } }
          }
        }
      }
    `);

    expect(result).toEqual({
      data: { accusations: { nodes: [{ accused: [{ actor: { name: 'Sudovia', coverage: { headlines: 29 } } }] }] } },
    });
  });

  it("fills references from the other subgraph with claimgraph's `_entities`, in one batch (coverage → claimgraph)", async () => {
    claimgraphRequests.length = 0;
    const result = await throughGateway(/* GraphQL */ `
      {
        mostCoveredPeople {
          name
          coverage { headlines }
          quotes(first: 1) { totalCount nodes { text } }
        }
      }
    `);

    expect(result).toMatchObject({
      data: {
        mostCoveredPeople: [
          { name: 'Anna Varga', coverage: { headlines: 41 }, quotes: { totalCount: 3 } },
          { name: 'Tomas Brenner', coverage: { headlines: 17 }, quotes: { totalCount: 1 } },
        ],
      },
    });
    expect(claimgraphRequests.map((request) => request.representations)).toEqual([
      [
        { __typename: 'Person', id: globalId('Person', 'anna-varga') },
        { __typename: 'Person', id: globalId('Person', 'tomas-brenner') },
      ],
    ]);
    expect(claimgraphRequests[0]?.context.loaders.stats).toEqual({
      node: { batches: 1, keys: 2 },
      quotesBySpeaker: { batches: 1, keys: 2 },
    });
  });
});
