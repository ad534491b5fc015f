/**
 * examples/operations/AgreementsBindingRussia.graphql, as Relay names it: which agreements bind
 * Russia, with which provisions? The party is a variable (Relay refuses a default on a non-null variable).
 */
import { graphql } from 'relay-runtime';

export const agreementsBindingRussia = graphql`
  query AgreementsBindingRussiaQuery($party: ID!) {
    agreements(party: $party) {
      nodes {
        id
        name
        parties {
          actor {
            id
            name
          }
        }
        signatories {
          actor {
            id
            name
          }
        }
        date {
          start
          precision
          phrase {
            exact
          }
        }
        sectionCount
        provisions {
          id
          summary
          status
          evidence {
            exact
            start
            end
          }
        }
      }
    }
  }
`;
