/**
 * A second, tiny subgraph for the composition test: press coverage of people and countries,
 * keyed by claimgraph's global IDs of the fixture's records (test/fixtures/corpus). It extends claimgraph's Person and Country with `coverage`,
 * and its own root field returns Person references that only claimgraph can fill in.
 */
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { createYoga, type Plugin } from 'graphql-yoga';
import { globalId } from '../helpers.ts';

interface Coverage {
  headlines: number;
  outlets: string[];
}

const COVERAGE = new Map<string, Coverage>([
  [globalId('Person', 'anna-varga'), { headlines: 41, outlets: ['Kessel Courier', 'Harbour Wire'] }],
  [globalId('Person', 'tomas-brenner'), { headlines: 17, outlets: ['Kessel Courier'] }],
  [globalId('Country', 'sudovia'), { headlines: 29, outlets: ['Harbour Wire', 'Avel Times'] }],
  [globalId('Country', 'norland'), { headlines: 35, outlets: ['Kessel Courier', 'Avel Times'] }],
  [globalId('Country', 'estmark'), { headlines: 12, outlets: ['Avel Times'] }],
]);

const typeDefs = parse(/* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.6", import: ["@key"])

  "Press coverage of an actor, counted by this subgraph."
  type Coverage {
    "Headlines naming the actor."
    headlines: Int!
    "The outlets that ran them."
    outlets: [String!]!
  }

  type Person @key(fields: "id") {
    id: ID!
    "Press coverage of this person; null when none is counted."
    coverage: Coverage
  }

  type Country @key(fields: "id") {
    id: ID!
    "Press coverage of this country; null when none is counted."
    coverage: Coverage
  }

  type Query {
    "The people with the most headlines, most covered first."
    mostCoveredPeople: [Person!]!
  }
`);

type Reference = { id: string };

const coverageOf = (reference: Reference): Coverage | null => COVERAGE.get(reference.id) ?? null;

const schema = buildSubgraphSchema({
  typeDefs,
  resolvers: {
    Person: { __resolveReference: (reference: Reference) => reference, coverage: coverageOf },
    Country: { __resolveReference: (reference: Reference) => reference, coverage: coverageOf },
    Query: {
      mostCoveredPeople: () =>
        [...COVERAGE]
          .filter(([id]) => Buffer.from(id, 'base64').toString().startsWith('Person:'))
          .sort(([, a], [, b]) => b.headlines - a.headlines)
          .map(([id]) => ({ id })),
    },
  },
});

/** The coverage subgraph, and the `_entities` representations it was asked to resolve. */
export function createCoverageSubgraph() {
  const representations: Reference[][] = [];
  const yoga = createYoga({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    graphiql: false,
    plugins: [recordRepresentations(representations)],
  });
  return { yoga, typeDefs, representations };
}

function recordRepresentations(into: Reference[][]): Plugin {
  return {
    onExecute: ({ args }) => {
      const asked = args.variableValues?.representations;
      if (Array.isArray(asked)) into.push(asked as Reference[]);
    },
  };
}
