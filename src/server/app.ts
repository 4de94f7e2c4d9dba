/**
 * The data server's routes (docs/server.md): read-only, every parameter checked before a query
 * runs (view-query.ts), a 400 that names the parameter for anything else, and never a stack trace.
 */
import { Hono, type Context } from 'hono';
import {
  csvHeader,
  csvLine,
  csvShape,
  eventToFeature,
  exportFileName,
  exportedMetadata,
} from '../data/export/export.ts';
import type { QueryEngine } from './engine.ts';
import {
  BadRequest,
  LIMITS,
  one,
  readBinUnit,
  readFilter,
  readInteger,
  readBounds,
  readMapView,
} from './view-query.ts';

export interface ServerOptions {
  /** Origins whose pages may read the answers (CORS); `*` for any. */
  allowedOrigins: readonly string[];
}

/** The version of the API's shapes; a client checks it in the descriptor. */
const API_VERSION = 1;

function problem(
  context: Context,
  status: 400 | 404 | 405 | 500,
  message: string,
  parameter?: string,
) {
  return context.json({ error: { status, message, ...(parameter ? { parameter } : {}) } }, status);
}

const ID_LIMIT = 200;

function readId(value: string | undefined, name: string): string {
  if (value === undefined || value === '') throw new BadRequest(name, `"${name}" is required`);
  if (value.length > ID_LIMIT)
    throw new BadRequest(name, `"${name}" is longer than ${ID_LIMIT} characters`);
  return value;
}

export function createApp(engine: QueryEngine, { allowedOrigins }: ServerOptions): Hono {
  const app = new Hono();
  const anyOrigin = allowedOrigins.includes('*');

  app.use('*', async (context, next) => {
    if (
      context.req.method !== 'GET' &&
      context.req.method !== 'HEAD' &&
      context.req.method !== 'OPTIONS'
    ) {
      return problem(context, 405, 'this server only answers GET requests: it is read-only');
    }
    const origin = context.req.header('Origin');
    // The answer depends on the asking origin unless every origin may read it: caches must know.
    if (!anyOrigin) context.header('Vary', 'Origin');
    if (origin !== undefined && (anyOrigin || allowedOrigins.includes(origin))) {
      context.header('Access-Control-Allow-Origin', anyOrigin ? '*' : origin);
    }
    if (context.req.method === 'OPTIONS') {
      context.header('Access-Control-Allow-Methods', 'GET, HEAD');
      return context.body(null, 204);
    }
    await next();
    context.header('X-Content-Type-Options', 'nosniff');
    context.header('Cache-Control', 'no-cache');
    return undefined;
  });

  const params = (context: Context) => new URL(context.req.url).searchParams;

  // The descriptor: what `?data=` points the app at, and what the server can answer.
  app.get('/dateline.json', async (context) =>
    context.json({
      dateline: 'query-server',
      version: API_VERSION,
      dataset: await engine.describe(),
      endpoints: {
        histogram: 'api/histogram',
        clusters: 'api/clusters',
        categories: 'api/categories',
        frame: 'api/frame',
        window: 'api/window',
        event: 'api/events/{id}',
        closest: 'api/closest',
        export: 'api/export',
      },
      limits: LIMITS,
    }),
  );

  app.get('/api/histogram', async (context) => {
    const query = params(context);
    return context.json(await engine.histogram(readFilter(query), readBinUnit(query)));
  });

  app.get('/api/clusters', async (context) => {
    const query = params(context);
    return context.json(await engine.clusters(readFilter(query), readMapView(query)));
  });

  app.get('/api/categories', async (context) =>
    context.json(await engine.categoryCounts(readFilter(params(context)))),
  );

  app.get('/api/frame', async (context) =>
    context.json(await engine.frame(readFilter(params(context)))),
  );

  app.get('/api/window', async (context) => {
    const query = params(context);
    const filter = readFilter(query);
    const limit = readInteger(query, 'limit', { min: 1, max: LIMITS.windowRows, fallback: 100 });
    const around = one(query, 'around');
    if (around !== null && query.has('offset'))
      throw new BadRequest('offset', 'give "around" or "offset", not both');
    const bounds = readBounds(query);
    return context.json(
      await engine.window(filter, {
        ...(around !== null
          ? { around: readId(around, 'around'), limit }
          : { offset: readInteger(query, 'offset', { min: 0, max: 1e9, fallback: 0 }), limit }),
        ...(bounds !== null ? { bounds } : {}),
      }),
    );
  });

  app.get('/api/events/:id', async (context) => {
    const id = readId(context.req.param('id'), 'id');
    const event = await engine.event(id);
    return event ? context.json(event) : problem(context, 404, `no event has the id "${id}"`, 'id');
  });

  app.get('/api/closest', async (context) => {
    const id = readId(one(params(context), 'id') ?? undefined, 'id');
    return context.json({ events: await engine.closest(id) });
  });

  // The filtered events as a file, streamed: the browser's own export, a page of events at a time.
  app.get('/api/export', async (context) => {
    const query = params(context);
    const filter = readFilter(query);
    const format = one(query, 'format') ?? 'geojson';
    if (format !== 'geojson' && format !== 'csv')
      throw new BadRequest('format', '"format" must be geojson or csv');
    const { metadata } = await engine.describe();
    const range =
      filter.from !== null && filter.to !== null ? { from: filter.from, to: filter.to } : null;
    const shape =
      format === 'csv' ? await engine.exportShape(filter) : { withStory: false, languages: [] };
    const csv = csvShape(shape.withStory, shape.languages);
    const encoder = new TextEncoder();
    const pages = engine.exportPages(filter)[Symbol.asyncIterator]();
    let sent = false;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(
          encoder.encode(
            format === 'csv'
              ? csvHeader(csv)
              : `{"type":"FeatureCollection","metadata":${JSON.stringify(exportedMetadata(metadata))},"features":[\n`,
          ),
        );
      },
      async pull(controller) {
        const page = await pages.next();
        if (page.done) {
          if (format === 'geojson') controller.enqueue(encoder.encode('\n]}\n'));
          controller.close();
          return;
        }
        let text = '';
        for (const event of page.value) {
          if (format === 'csv') text += csvLine(event, csv);
          else text += `${sent ? ',\n' : ''}${JSON.stringify(eventToFeature(event))}`;
          sent = true;
        }
        controller.enqueue(encoder.encode(text));
      },
      // A reader who stops the download stops the engine's page reads with it.
      async cancel() {
        await pages.return?.();
      },
    });
    context.header(
      'Content-Type',
      format === 'csv' ? 'text/csv; charset=utf-8' : 'application/geo+json',
    );
    context.header(
      'Content-Disposition',
      `attachment; filename="${exportFileName(metadata.title, range, format, filter.query)}"`,
    );
    return context.body(body);
  });

  // Someone who opens the server's own address in a browser learns where the explorer looks.
  app.notFound((context) =>
    problem(
      context,
      404,
      'no such address on this server: the explorer opens on its /dateline.json (?data=<this server>/dateline.json)',
    ),
  );

  app.onError((error, context) => {
    if (error instanceof BadRequest) return problem(context, 400, error.message, error.parameter);
    // Anything else is the server's fault: said plainly, with nothing of its insides.
    console.error(error);
    return problem(context, 500, 'the server could not answer this request');
  });

  return app;
}
