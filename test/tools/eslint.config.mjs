/**
 * @graphql-eslint as a frontend project sets it up, run by test/frontend-tools.test.ts: its schema
 * rules (the `schema-recommended` and `schema-relay` presets) on the client schema, schema.graphql,
 * and its operation rules (`operations-recommended`) on examples/operations/, both checked against
 * schema.graphql. Run from the repository root:
 *
 *   npx eslint --config test/tools/eslint.config.mjs schema.graphql examples/operations
 *
 * Three rules differ from the presets, each for a reason:
 * - strict-id-in-types asks every object type for an `id`. Connections, edges and PageInfo are
 *   Relay's plumbing, which has none in Relay's own spec; the others listed are values that belong
 *   to one object (a claim's roles, attribution and evidence, an entity's mentions, names and
 *   titles, a date, a search hit and its highlights, a match of a name) and are never fetched on
 *   their own: an `id` on them would be invented.
 * - relay-edge-types by default wants every list to be a list of edges and every edge's `node` to
 *   implement Node. The Relay connection spec asks neither: a claim's roles and evidence are short
 *   plain lists, and search hits, evidence and titles are values, not refetchable objects.
 * - no-typename-prefix refuses `Title.title`: it is the title's wording, read as
 *   `titles { nodes { title } }`; renaming a published field for a naming rule would break clients.
 */
import graphql from '@graphql-eslint/eslint-plugin';

const graphQLConfig = { schema: 'schema.graphql', documents: ['examples/operations/*.graphql'] };
const languageOptions = { parser: graphql.parser, parserOptions: { graphQLConfig } };
const plugins = { '@graphql-eslint': graphql };

export default [
  {
    files: ['schema.graphql'],
    languageOptions,
    plugins,
    rules: {
      ...graphql.configs['flat/schema-recommended'].rules,
      ...graphql.configs['flat/schema-relay'].rules,
      '@graphql-eslint/strict-id-in-types': [
        'error',
        {
          exceptions: {
            suffixes: ['Connection', 'Edge'],
            types: [
              'PageInfo',
              'ActorRole',
              'ItemRole',
              'LocationRole',
              'SubjectRole',
              'Response',
              'StatementRole',
              'EventRole',
              'Attribution',
              'Evidence',
              'Mention',
              'Title',
              'EntityName',
              'NameMatch',
              'EventDate',
              'SearchHit',
              'Highlight',
            ],
          },
        },
      ],
      '@graphql-eslint/relay-edge-types': ['error', { listTypeCanWrapOnlyEdgeType: false, shouldImplementNode: false }],
      '@graphql-eslint/no-typename-prefix': 'off',
    },
  },
  {
    files: ['examples/operations/*.graphql'],
    languageOptions,
    plugins,
    rules: graphql.configs['flat/operations-recommended'].rules,
  },
];
