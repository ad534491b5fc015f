/**
 * examples/operations/PezeshkianQuotes.graphql, the Relay way: the query finds the person through
 * `search`, and a fragment on Person holds the quotes as a paginated `@connection` (spread with
 * `@alias`, as Relay asks for a fragment on a member of a union: `subject.person` is null when the
 * best match is not a person). The fragment is
 * `@refetchable`, so relay-compiler also writes PezeshkianQuotesPaginationQuery, which refetches
 * the person by `node(id:)` and fetches the next pages (`usePaginationFragment` in React).
 */
import { graphql } from 'relay-runtime';

export const pezeshkianQuotes = graphql`
  query PezeshkianQuotesQuery($name: String!) {
    search(query: $name, types: [PERSON], first: 1) {
      nodes {
        subject {
          __typename
          ...PezeshkianQuotes_person @alias(as: "person")
        }
      }
    }
  }
`;

export const pezeshkianQuotesPerson = graphql`
  fragment PezeshkianQuotes_person on Person
  @refetchable(queryName: "PezeshkianQuotesPaginationQuery")
  @argumentDefinitions(count: { type: "Int", defaultValue: 20 }, cursor: { type: "String" }) {
    id
    name
    quotes(first: $count, after: $cursor) @connection(key: "PezeshkianQuotes_quotes") {
      totalCount
      edges {
        node {
          id
          text
          form
          channel
          words {
            exact
            start
            end
            sentence {
              id
              text
            }
          }
          event {
            id
            name
          }
        }
      }
    }
  }
`;
