/**
 * Asks claimgraph the questions of docs/examples.md with urql (@urql/core, no framework) and
 * prints the answers. Run it against a running server:
 *
 *   node --import tsx examples/urql-client.ts http://localhost:4000/graphql
 */
import { Client, cacheExchange, fetchExchange } from '@urql/core';
import { droneAccusations, pezeshkianQuotes, serverUrl } from './answers.ts';
import { DroneAccusationsDocument, PezeshkianQuotesDocument } from './generated/graphql.ts';

const client = new Client({ url: serverUrl(), exchanges: [cacheExchange, fetchExchange] });

const drones = await client.query(DroneAccusationsDocument, {}).toPromise();
if (!drones.data) throw drones.error ?? new Error('no data');
console.log(droneAccusations(drones.data).join('\n'));

const quotes = await client.query(PezeshkianQuotesDocument, { name: 'Pezeshkian' }).toPromise();
if (!quotes.data) throw quotes.error ?? new Error('no data');
console.log(pezeshkianQuotes(quotes.data).join('\n'));
