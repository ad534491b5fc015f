/**
 * The Apollo Client cache for claimgraph. Objects normalise by their global `id` with no
 * configuration; Relay connections need a `relayStylePagination` type policy, keyed by the
 * field's filter arguments, so that pages fetched with `after` merge into one list.
 */
import { InMemoryCache } from '@apollo/client';
import { relayStylePagination } from '@apollo/client/utilities';

export function createCache(): InMemoryCache {
  return new InMemoryCache({
    typePolicies: {
      Query: {
        fields: {
          quotes: relayStylePagination(['speaker', 'about', 'channel', 'form']),
          accusations: relayStylePagination(['itemCategory']),
        },
      },
    },
  });
}
