/**
 * The limit: a node:http server that reads each request and writes bytes computed before it
 * started (the reference answer to that exact body, from a JSON file named on the command line).
 * No server that does any work per request can beat it on this machine.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const answers = new Map<string, Buffer>(
  Object.entries(JSON.parse(readFileSync(process.argv[2] ?? '', 'utf8')) as Record<string, string>).map(
    ([body, answer]) => [body, Buffer.from(answer)],
  ),
);

const server = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    const answer = answers.get(Buffer.concat(chunks).toString('utf8'));
    if (!answer) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': answer.length });
    response.end(answer);
  });
});

server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  console.log(`limit: listening at http://127.0.0.1:${port}/graphql`);
});
