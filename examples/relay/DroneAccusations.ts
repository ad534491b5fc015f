/**
 * examples/operations/DroneAccusations.graphql, as Relay names it: who accuses whom of supplying
 * drones, and how did the accused respond? relay-compiler writes its artifact to __generated__/.
 */
import { graphql } from 'relay-runtime';

export const droneAccusations = graphql`
  query DroneAccusationsQuery {
    accusations(itemCategory: DRONE) {
      totalCount
      nodes {
        id
        act
        accusers {
          actor {
            id
            name
          }
        }
        accused {
          actor {
            id
            name
          }
        }
        items {
          item {
            id
            name
            category
          }
        }
        beneficiaries {
          actor {
            id
            name
          }
        }
        responses {
          actor {
            id
            name
          }
          stance
          evidence {
            exact
            start
            end
          }
        }
        evidence {
          exact
          start
          end
          sentence {
            id
            text
          }
        }
      }
    }
  }
`;
