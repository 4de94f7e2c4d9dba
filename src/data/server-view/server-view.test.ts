import { describe, expect, it, vi, afterEach } from 'vitest';
import { activateLanguage } from '../../lib/i18n/activate.ts';
import { sayMessage } from '../../lib/i18n/say-message.ts';
import { parseIsoDay } from '../model/calendar-day.ts';
import { buildBins } from '../query/histogram.ts';
import { readDescriptor, DescriptorError } from './descriptor.ts';
import {
  endpointUrl,
  fetchAnswer,
  filterParams,
  readClusters,
  readFrame,
  readHistogram,
  readWindow,
  ServerAnswerError,
} from './server-api.ts';
import { weightsOnBins, yearsWithEvents } from './server-bins.ts';
import {
  boxParam,
  exportUrl,
  roundedView,
  spotBounds,
  spotQuery,
  stepRow,
  windowsCovering,
  windowStart,
} from './server-queries.ts';
import { descriptorBytes, TEST_DESCRIPTOR, testServer } from '../../testing/server-descriptor.ts';

const day = (text: string) => parseIsoDay(text) ?? Number.NaN;
const bytes = descriptorBytes;
const DESCRIPTOR = TEST_DESCRIPTOR;
const server = () => testServer();

describe('the descriptor', () => {
  it('is read with its days, counts and endpoints', () => {
    const read = server();
    expect(read.metadata.title).toBe('Quakes');
    expect(read.eventCount).toBe(10);
    expect(read.extent).toEqual({ first: day('2024-01-03'), last: day('2024-03-30') });
    expect(read.categories.map((entry) => entry.name)).toEqual(['strike', 'statement']);
    expect(read.windowRows).toBe(500);
  });

  it('names the frame when the server has one, and does without it from an older server', () => {
    expect(server().endpoints.frame).toBeNull();
    const newer = readDescriptor(
      bytes({ ...DESCRIPTOR, endpoints: { ...DESCRIPTOR.endpoints, frame: 'api/frame' } }),
      'http://127.0.0.1:8787/dateline.json',
    );
    expect(newer?.endpoints.frame).toBe('api/frame');
  });

  it('keeps the file’s category labels and colours, dropping what a file would drop', () => {
    const styled = readDescriptor(
      bytes({
        ...DESCRIPTOR,
        dataset: {
          ...DESCRIPTOR.dataset,
          metadata: {
            ...DESCRIPTOR.dataset.metadata,
            categories: {
              strike: { label: ' Air strike ', colour: '#AA2200' },
              statement: { label: 'Statement', colour: 'red' },
              quake: 'not a style',
            },
          },
        },
      }),
      'x',
    );
    expect(styled?.metadata.categories).toEqual({
      strike: { label: 'Air strike', colour: '#aa2200' },
      statement: { label: 'Statement' },
    });
    expect(server().metadata.categories).toBeUndefined();
  });

  it('names the column a table’s categories came from, and none from an older server', () => {
    const withColumn = (categoryColumn: unknown) =>
      readDescriptor(
        bytes({ ...DESCRIPTOR, dataset: { ...DESCRIPTOR.dataset, categoryColumn } }),
        'x',
      )?.categoryColumn;
    expect(withColumn('type_of_violence')).toBe('type_of_violence');
    expect(server().categoryColumn).toBeNull();
    expect(withColumn(' ')).toBeNull();
    expect(withColumn({ name: 'x' })).toBeNull();
  });

  it('reads the columns a table was read by, keeping only the named ones', () => {
    const withColumns = (columns: unknown) =>
      readDescriptor(bytes({ ...DESCRIPTOR, dataset: { ...DESCRIPTOR.dataset, columns } }), 'x')
        ?.columns;
    expect(
      withColumns({
        fields: { date: 'date_start', title: 'conflict_name' },
        proposed: true,
        guessed: ['title'],
      }),
    ).toEqual({
      fields: { date: 'date_start', title: 'conflict_name' },
      proposed: true,
      guessed: ['title'],
    });
    // A column that is not a name, a flag that is not true; About this file picks the fields it
    // knows (server-file-details.tsx).
    expect(
      withColumns({
        fields: { date: 'date_start', title: 7, place: ' ' },
        proposed: 'yes',
        guessed: ['title', 'date', 3],
      }),
    ).toEqual({ fields: { date: 'date_start' }, proposed: false, guessed: ['date'] });
    // From a server older than `guessed`: none.
    expect(withColumns({ fields: { date: 'date_start' }, proposed: true })?.guessed).toEqual([]);
    // A key that would be an object's prototype stays a key of its own.
    const hostile = withColumns(JSON.parse('{"fields":{"__proto__":"x"}}'));
    expect(Object.getPrototypeOf(hostile?.fields)).toBe(Object.prototype);
    expect(Object.hasOwn(hostile?.fields ?? {}, '__proto__')).toBe(true);
    // From an older server, or in a shape this page cannot read: no columns.
    expect(server().columns).toBeNull();
    expect(withColumns(['date_start'])).toBeNull();
    expect(withColumns({ fields: ['date_start'] })).toBeNull();
    expect(withColumns('date_start')).toBeNull();
  });

  it('is not taken for a dataset, nor a dataset for it', () => {
    expect(readDescriptor(bytes({ type: 'FeatureCollection', features: [] }), 'x')).toBeNull();
    expect(readDescriptor(bytes([{ title: 'query-server' }]), 'x')).toBeNull();
  });

  it('names what is wrong with a descriptor this page cannot use', () => {
    expect(() => readDescriptor(bytes({ ...DESCRIPTOR, version: 2 }), 'x')).toThrow(/version 2/);
    const noWindow = { ...DESCRIPTOR, endpoints: { ...DESCRIPTOR.endpoints, window: '' } };
    expect(() => readDescriptor(bytes(noWindow), 'x')).toThrow(DescriptorError);
    expect(() => readDescriptor(bytes(noWindow), 'x')).toThrow(/"window"/);
    const badExtent = { ...DESCRIPTOR, dataset: { ...DESCRIPTOR.dataset, extent: { first: 'x' } } };
    expect(() => readDescriptor(bytes(badExtent), 'x')).toThrow(/extent/);
  });

  it('says what is wrong with it in the reader’s language', async () => {
    let refused: unknown;
    try {
      readDescriptor(bytes({ ...DESCRIPTOR, version: 2 }), 'x');
    } catch (error) {
      refused = error;
    }
    if (!(refused instanceof DescriptorError)) throw new Error('not refused');
    await activateLanguage('ko');
    try {
      expect(sayMessage(refused.said)).toBe(
        '데이터 서버의 응답 형식은 버전 2인데, 이 페이지는 버전 1만 읽습니다',
      );
    } finally {
      await activateLanguage('en');
    }
  });
});

describe('the descriptor’s Data issues', () => {
  const withIssues = (issues: unknown) =>
    readDescriptor(bytes({ ...DESCRIPTOR, dataset: { ...DESCRIPTOR.dataset, issues } }), 'x');

  it('keeps the issues listed in full and the count of them all', () => {
    const issue = {
      position: 11,
      id: 'broken-1',
      field: 'date',
      reason: 'the date is empty',
      message: { id: 'the date is empty' },
      line: 13,
    };
    expect(withIssues({ count: 1234, examples: [issue] })?.issues).toEqual({
      count: 1234,
      examples: [issue],
    });
  });

  it('drops an issue the list could not say, and never counts fewer than it lists', () => {
    const good = { position: 0, id: null, field: 'date', reason: 'the date is empty' };
    const read = withIssues({
      count: 'many',
      examples: [
        good,
        { ...good, position: 'first' },
        { ...good, reason: undefined },
        'broken',
        { ...good, position: 1, message: { id: 7 }, line: -2, shown: 'yes' },
      ],
    });
    expect(read?.issues).toEqual({
      count: 2,
      examples: [good, { ...good, position: 1 }],
    });
  });
});

describe('asking for a view', () => {
  it('writes the filter as the server reads it, every category repeated', () => {
    const params = filterParams({
      from: day('2024-02-01'),
      to: day('2024-02-29'),
      query: 'kim summit',
      categories: ['strike', 'statement'],
    });
    expect(params.toString()).toBe(
      'from=2024-02-01&to=2024-02-29&q=kim+summit&cat=strike&cat=statement',
    );
  });

  it('resolves endpoints against the descriptor, an id escaped', () => {
    expect(endpointUrl(server(), 'event', new URLSearchParams(), 'a/b?c')).toBe(
      'http://127.0.0.1:8787/api/events/a%2Fb%3Fc',
    );
    expect(
      exportUrl(server(), { from: null, to: null, query: '', categories: ['strike'] }, 'csv'),
    ).toBe('http://127.0.0.1:8787/api/export?cat=strike&format=csv');
  });

  it('asks the same question for a map nudged by a pixel', () => {
    const a = roundedView({ bbox: [10.0001, 40.0001, 20.0001, 50.0001], zoom: 6.2 });
    const b = roundedView({ bbox: [10.0002, 40.0002, 20.0002, 50.0002], zoom: 5.9 });
    expect(a).toEqual(b);
    expect(a.bbox[0]).toBeLessThanOrEqual(10.0001);
    expect(a.bbox[2]).toBeGreaterThanOrEqual(20.0002);
  });

  it('finds the window holding a row', () => {
    expect(windowStart(0, 100)).toBe(0);
    expect(windowStart(99, 100)).toBe(0);
    expect(windowStart(250, 100)).toBe(200);
    // The rows in view and their margin, across a window's edge: both windows, nothing more.
    expect(windowsCovering(95, 112, 100)).toEqual([0, 100]);
    expect(windowsCovering(0, -1, 100)).toEqual([]);
  });
});

describe('a box on the map, as the server reads it', () => {
  it('is the whole world when the map shows more than one', () => {
    expect(boxParam([-700, -80, 500, 80])).toBe('-180,-80,180,80');
  });
  it('is moved by whole turns when the map was panned round the world', () => {
    expect(boxParam([530, 10, 560, 20])).toBe('170,10,200,20');
    expect(boxParam([-400, 10, -380, 20])).toBe('-40,10,-20,20');
    expect(boxParam([10, -95, 20, 95])).toBe('10,-90,20,90');
  });
});

describe('the events of a cluster the map cannot split', () => {
  afterEach(() => vi.unstubAllGlobals());

  const written = (text: string) => text.split(',').map(Number);

  it('asks for a box that holds the spot once written to a micro-degree', () => {
    for (const [longitude, latitude] of [
      [127.1234567891, 39.9876543219],
      [-0.0000004, -0.0000006],
      [179.9999996, 89.9999999],
      [-179.9999996, -89.9999999],
      [37.8, 48.02],
    ] as const) {
      const [west = NaN, south = NaN, east = NaN, north = NaN] = written(
        boxParam(spotBounds([longitude, latitude, longitude, latitude])),
      );
      expect(west, `${longitude}`).toBeLessThanOrEqual(longitude);
      expect(east, `${longitude}`).toBeGreaterThanOrEqual(longitude);
      expect(south, `${latitude}`).toBeLessThanOrEqual(latitude);
      expect(north, `${latitude}`).toBeGreaterThanOrEqual(latitude);
      // Never a box across the antimeridian for a spot beside it.
      expect(west).toBeLessThanOrEqual(east);
      expect(east - west).toBeLessThan(0.00001);
    }
  });

  it('pages through the spot’s events under the filter, and stops at the total', async () => {
    const asked: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => {
        asked.push(url);
        const offset = Number(new URL(url).searchParams.get('offset'));
        return Response.json({ total: 3, offset, events: [] });
      }),
    );
    const options = spotQuery(
      server(),
      { from: null, to: null, query: 'kim', categories: [] },
      [128.2, 40.1, 128.2, 40.1],
    );
    const ask = options.queryFn;
    if (typeof ask !== 'function') throw new Error('no query function');
    const page = await ask({
      pageParam: 0,
      signal: new AbortController().signal,
    } as Parameters<typeof ask>[0]);
    const url = new URL(asked[0] ?? '');
    expect(url.pathname).toBe('/api/window');
    expect(url.searchParams.get('q')).toBe('kim');
    expect(url.searchParams.get('offset')).toBe('0');
    expect(url.searchParams.get('limit')).toBe('100');
    expect(written(url.searchParams.get('bbox') ?? '')).toEqual([
      128.199999, 40.099999, 128.200001, 40.100001,
    ]);
    expect(page.total).toBe(3);
    const next = (offset: number, shown: number, total: number) =>
      options.getNextPageParam(
        { total, offset, position: null, events: Array.from({ length: shown }) as never[] },
        [],
        offset,
        [],
      );
    expect(next(0, 100, 250)).toBe(100);
    expect(next(200, 50, 250)).toBeUndefined();
    // A server that answers fewer than it counts, or none, is not asked forever.
    expect(next(100, 0, 250)).toBeUndefined();
  });
});

describe('j and k over a server’s list', () => {
  it('start at the first row going down and at the last going up', () => {
    expect(stepRow(null, 250, [1])).toBe(0);
    expect(stepRow(null, 250, [-1])).toBe(249);
  });
  it('move one row, and stop at the ends', () => {
    expect(stepRow(10, 250, [1])).toBe(11);
    expect(stepRow(10, 250, [-1])).toBe(9);
    expect(stepRow(249, 250, [1])).toBeNull();
    expect(stepRow(0, 250, [-1])).toBeNull();
  });
  it('go nowhere in an empty list', () => {
    expect(stepRow(null, 0, [1])).toBeNull();
  });
  it('take keys pressed before the server answered one at a time, as over a file', () => {
    expect(stepRow(10, 250, [1, 1])).toBe(12);
    expect(stepRow(10, 250, [1, -1])).toBeNull();
    expect(stepRow(null, 250, [1, 1, 1])).toBe(2);
    expect(stepRow(null, 250, [-1, -1])).toBe(248);
    // Held at an end, a key pressed past it is not owed: the next one goes back from the end.
    expect(stepRow(0, 250, [-1, -1, 1])).toBe(1);
    expect(stepRow(249, 250, [1, -1])).toBe(248);
    expect(stepRow(null, 250, [1, -1])).toBe(0);
  });
});

describe('reading answers', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('reads where the filter’s events are, and refuses a box that is not one', () => {
    const bounds = { west: -77.01, south: -12.02, east: -76.46, north: -11.47 };
    expect(readFrame({ total: 12, bounds })).toEqual({ total: 12, bounds });
    expect(readFrame({ total: 0, bounds: null })).toEqual({ total: 0, bounds: null });
    for (const wrong of [
      null,
      { total: -1, bounds },
      { total: 3, bounds: { ...bounds, west: 'far' } },
      { total: 3, bounds: { ...bounds, north: 91 } },
      { total: 3, bounds: { ...bounds, west: 10, east: -10 } },
      { total: 3, bounds: [1, 2, 3, 4] },
    ])
      expect(() => readFrame(wrong), JSON.stringify(wrong)).toThrow(ServerAnswerError);
  });

  it('says the server’s own message for a refused request', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        Response.json(
          { error: { status: 400, message: '"from" must be a date' } },
          { status: 400 },
        ),
      ),
    );
    const answer = fetchAnswer('http://127.0.0.1:1/api/window', new AbortController().signal);
    await expect(answer).rejects.toThrow('"from" must be a date');
    await expect(answer).rejects.toBeInstanceOf(ServerAnswerError);
  });

  it('says a server that cannot be reached', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );
    await expect(
      fetchAnswer('http://127.0.0.1:1/api/window', new AbortController().signal),
    ).rejects.toThrow('could not be reached');
  });

  it('says what went wrong in the reader’s language, and the server’s own words as sent', async () => {
    const signal = new AbortController().signal;
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        Response.json({ error: { status: 500, message: 'the server failed' } }, { status: 500 }),
      ),
    );
    const refused = await fetchAnswer('http://127.0.0.1:1/api/window', signal).catch(
      (error: unknown) => error,
    );
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );
    const unreachable = await fetchAnswer('http://127.0.0.1:1/api/window', signal).catch(
      (error: unknown) => error,
    );
    if (!(refused instanceof ServerAnswerError) || !(unreachable instanceof ServerAnswerError))
      throw new Error('not a ServerAnswerError');
    expect(sayMessage(refused.said)).toBe('the data server answered with status 500');
    expect(refused.serverMessage).toBe('the server failed');
    await activateLanguage('ko');
    try {
      expect(sayMessage(unreachable.said)).toBe('데이터 서버에 연결할 수 없습니다');
      expect(sayMessage(refused.said)).toBe('데이터 서버가 상태 코드 500(으)로 응답했습니다');
      expect(refused.serverMessage).toBe('the server failed');
      const wrongShape = (() => {
        try {
          return readHistogram({});
        } catch (error) {
          return error;
        }
      })();
      if (!(wrongShape instanceof ServerAnswerError)) throw new Error('not refused');
      expect(sayMessage(wrongShape.said)).toBe(
        '데이터 서버가 보낸 타임라인 막대의 형식이 예상과 다릅니다',
      );
    } finally {
      await activateLanguage('en');
    }
  });

  it('refuses answers of the wrong shape', () => {
    expect(() =>
      readHistogram({ unit: 'fortnight', starts: [], weights: [], end: 'x', total: 0 }),
    ).toThrow(/histogram/);
    expect(() => readClusters({ clusters: [{ latitude: 'north' }], total: 1 })).toThrow(/map view/);
    expect(() => readWindow({ total: 1, offset: 0, events: [{ id: 'x' }] })).toThrow(/event/);
  });

  it('keeps a cluster’s box when it is one, and reads a malformed box as none', () => {
    const cluster = (box: unknown) => ({
      longitude: 3,
      latitude: 4,
      count: 5,
      categories: { strike: 5 },
      box,
    });
    const { clusters } = readClusters({
      clusters: [
        cluster([2, 3.5, 4, 4.5]),
        cluster([4, 3.5, 2, 4.5]),
        cluster([2, 3.5, 4]),
        cluster(['2', 3.5, 4, 4.5]),
        cluster([2, -91, 4, 4.5]),
        cluster(undefined),
      ],
      total: 30,
    });
    expect(clusters.map(({ box }) => box)).toEqual([
      [2, 3.5, 4, 4.5],
      null,
      null,
      null,
      null,
      null,
    ]);
  });

  it('orders a cluster’s categories largest first and keeps its one event', () => {
    const { clusters } = readClusters({
      clusters: [
        {
          longitude: 1,
          latitude: 2,
          count: 1,
          categories: { statement: 1 },
          event: { id: 'a', title: 'A', category: 'statement' },
        },
        { longitude: 3, latitude: 4, count: 5, categories: { statement: 1, strike: 4 } },
      ],
      total: 6,
    });
    expect(clusters[0]?.event?.id).toBe('a');
    expect(clusters[1]?.categories).toEqual([
      { category: 'strike', count: 4 },
      { category: 'statement', count: 1 },
    ]);
  });
});

describe('the histogram on the timeline’s bins', () => {
  it('lands an answer over a narrower range on the axis’s own bins', () => {
    const bins = buildBins(day('2024-01-03'), day('2024-03-30'), 'week');
    const answer = readHistogram({
      unit: 'week',
      starts: ['2024-02-05', '2024-02-12'],
      end: '2024-02-19',
      weights: [2, 0.5],
      total: 3,
    });
    const weights = weightsOnBins(bins, answer);
    const at = bins.starts.indexOf(day('2024-02-05'));
    expect(weights[at]).toBe(2);
    expect(weights[at + 1]).toBe(0.5);
    expect(weights.reduce((sum, weight) => sum + weight, 0)).toBe(2.5);
    expect(weightsOnBins(bins, { ...answer, unit: 'month' }).every((w) => w === 0)).toBe(true);
  });

  it('lists the years that hold events', () => {
    const bins = buildBins(day('2022-01-01'), day('2024-12-31'), 'year');
    expect(yearsWithEvents(bins, Float64Array.from([3, 0, 1]))).toEqual([2022, 2024]);
  });
});
