/**
 * Turns the results of the questions of docs/examples.md into plain text. Both example clients
 * print with these, so their output can be compared line for line.
 */
import type { DroneAccusationsQuery, PezeshkianQuotesQuery } from './generated/graphql.ts';

const names = (roles: readonly { actor: { name: string } }[]): string =>
  roles.map((role) => role.actor.name).join(', ') || 'nobody';

const at = (evidence: { start: number; end: number }): string => `[${evidence.start}..${evidence.end}]`;

/** Who accuses whom of supplying drones, with the words that say so and how the accused answered. */
export function droneAccusations(data: DroneAccusationsQuery): string[] {
  const lines = [`Who accuses whom of supplying drones? ${data.accusations.totalCount} accusation(s)`];
  for (const accusation of data.accusations.nodes) {
    lines.push(`- ${names(accusation.accused)}, accused by ${names(accusation.accusers)} of ${accusation.act}`);
    lines.push(`  items: ${accusation.items.map((role) => role.item.name).join(', ')}`);
    lines.push(`  to the benefit of: ${names(accusation.beneficiaries)}`);
    for (const evidence of accusation.evidence) lines.push(`  said ${at(evidence)}: "${evidence.exact}"`);
    for (const response of accusation.responses) {
      const words = response.evidence.map((evidence) => `${at(evidence)} "${evidence.exact}"`).join('; ');
      lines.push(`  ${response.actor.name} answers ${response.stance}: ${words}`);
    }
  }
  return lines;
}

/** What Pezeshkian said: each quote, its exact place in the article and its sentence. */
export function pezeshkianQuotes(data: PezeshkianQuotesQuery): string[] {
  const person = data.search.nodes[0]?.subject;
  if (person?.__typename !== 'Person') return ['No person matches.'];
  const lines = [`What did ${person.name} say? ${person.quotes.totalCount} quote(s)`];
  for (const quote of person.quotes.nodes) {
    const event = quote.event ? `, at: ${quote.event.name}` : '';
    lines.push(`- "${quote.text}" (${quote.form}, ${quote.channel}${event})`);
    lines.push(`  words ${at(quote.words)} of the article, in the sentence: ${quote.words.sentence.text}`);
  }
  return lines;
}

/** The server URL: the first argument, else CLAIMGRAPH_URL, else a local server. */
export function serverUrl(): string {
  return process.argv[2] ?? process.env.CLAIMGRAPH_URL ?? 'http://localhost:4000/graphql';
}
