/**
 * Asks claimgraph the questions of docs/examples.md with Apollo Client (core, no React) and
 * prints the answers. Run it against a running server:
 *
 *   node --import tsx examples/apollo-client.ts http://localhost:4000/graphql
 */
import { ApolloClient, HttpLink } from '@apollo/client';
import { droneAccusations, pezeshkianQuotes, serverUrl } from './answers.ts';
import { createCache } from './cache.ts';
import { DroneAccusationsDocument, PezeshkianQuotesDocument } from './generated/graphql.ts';

const client = new ApolloClient({ link: new HttpLink({ uri: serverUrl() }), cache: createCache() });

const drones = await client.query({ query: DroneAccusationsDocument });
if (!drones.data) throw drones.error ?? new Error('no data');
console.log(droneAccusations(drones.data).join('\n'));

const quotes = await client.query({ query: PezeshkianQuotesDocument, variables: { name: 'Pezeshkian' } });
if (!quotes.data) throw quotes.error ?? new Error('no data');
console.log(pezeshkianQuotes(quotes.data).join('\n'));
