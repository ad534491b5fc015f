/**
 * GraphiQL, served by the server itself with its scripts and styles inlined (about 9 MB), so it
 * works with no internet. The page is rendered and compressed once, on the first visit (the
 * renderer holds the whole GraphiQL bundle, much memory once loaded, so it is not imported at
 * start-up), and kept: each visit gets it in the best encoding its Accept-Encoding offers (br,
 * gzip, or none), with a strong ETag per encoding and `Cache-Control: no-cache`, so a browser
 * revalidates on each visit and downloads the page again only when it has changed (304
 * otherwise).
 */
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { type GraphiQLOptions, type Plugin, shouldRenderGraphiQL } from 'graphql-yoga';
import Negotiator from 'negotiator';
import { conditionalAnswer, entityTag } from './http-cache.ts';

const ENCODINGS = ['br', 'gzip', 'identity'] as const;
type Encoding = (typeof ENCODINGS)[number];

interface Variant {
  bytes: Uint8Array<ArrayBuffer>;
  etag: string;
}

type Page = Record<Encoding, Variant>;

/** negotiator 1.x takes the server's preference among equal qualities (its types are 0.6's). */
type PreferringNegotiator = { encoding(available: string[], options: { preferred: string[] }): string | undefined };

export function graphiqlPlugin(options: GraphiQLOptions, graphqlEndpoint: string): Plugin {
  let page: Promise<Page> | undefined;
  return {
    onRequest({ request, url, endResponse, fetchAPI }) {
      if (url.pathname !== graphqlEndpoint || !shouldRenderGraphiQL(request)) return;
      page ??= renderPage(options);
      return page.then((variants) => {
        const offered = { 'accept-encoding': request.headers.get('accept-encoding') ?? 'identity' };
        const encoding = ((new Negotiator({ headers: offered }) as PreferringNegotiator).encoding([...ENCODINGS], {
          preferred: [...ENCODINGS],
        }) ?? 'identity') as Encoding;
        const { bytes, etag } = variants[encoding];
        const headers: [string, string][] = [
          ['content-type', 'text/html; charset=utf-8'],
          ['cache-control', 'no-cache'],
          ['etag', etag],
          ['vary', 'Accept, Accept-Encoding'],
        ];
        if (encoding !== 'identity') headers.push(['content-encoding', encoding]);
        const conditional = conditionalAnswer(request.method, request.headers.get('if-none-match'), headers, etag);
        endResponse(
          conditional
            ? new fetchAPI.Response(null, conditional)
            : new fetchAPI.Response(bytes, {
                status: 200,
                headers: [...headers, ['content-length', String(bytes.length)]],
              }),
        );
      });
    },
  };
}

async function renderPage(options: GraphiQLOptions): Promise<Page> {
  const { renderGraphiQL } = await import('@graphql-yoga/render-graphiql');
  const html = Buffer.from(renderGraphiQL(options));
  const [br, gzipped] = await Promise.all([
    // Brotli's quality 9: 9.05 MB to 1.86 MB in 1.4 s here, where 11 takes 26 s for 1.71 MB (and
    // gzip -9 gives 2.43 MB in 0.6 s). Both run on libuv's thread pool, not the event loop.
    promisify(brotliCompress)(html, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_SIZE_HINT]: html.length },
    }),
    promisify(gzip)(html, { level: 9 }),
  ]);
  const tag = entityTag(html).slice(0, -1);
  const variant = (bytes: Buffer, encoding: Encoding): Variant => {
    return {
      bytes: new Uint8Array(bytes),
      etag: encoding === 'identity' ? `${tag}"` : `${tag}-${encoding}"`,
    };
  };
  return { br: variant(br, 'br'), gzip: variant(gzipped, 'gzip'), identity: variant(html, 'identity') };
}
