/**
 * A Relay environment for claimgraph, as Relay's network-layer guide writes one: each operation's
 * text and variables POSTed as JSON with fetch, and a store. Nothing in it is particular to
 * claimgraph but the URL. relay-compiler (relay.config.json: its defaults, on the client schema
 * schema.graphql) writes the documents of this folder to __generated__/.
 */
import { Environment, type FetchFunction, Network, RecordSource, Store } from 'relay-runtime';

export function createEnvironment(url: string): Environment {
  const fetchQuery: FetchFunction = async (operation, variables) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: operation.text, variables }),
    });
    return response.json();
  };
  return new Environment({ network: Network.create(fetchQuery), store: new Store(new RecordSource()) });
}
