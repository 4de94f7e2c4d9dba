// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { activateLanguage } from '../../lib/i18n/activate.ts';
import { DatasetError } from '../model/dataset-error.ts';
import { DatasetNetworkError, withProblem } from './dataset-fetch.ts';
import { loadErrorText } from './load-error-text.ts';
import { importError } from './run-import.ts';

const URL = 'https://example.org/quakes.csv';

describe('loadErrorText: a failed load said in the reader’s language', () => {
  afterEach(() => activateLanguage('en'));

  it('says each download problem as its English message said it', () => {
    const cases: [Error, string][] = [
      [
        withProblem(new DatasetNetworkError('x'), {
          kind: 'unreachable',
          url: URL,
          crossOrigin: false,
        }),
        `Could not reach ${URL}: the network request failed.`,
      ],
      [
        withProblem(new DatasetError('x'), { kind: 'answer', url: URL, status: '404 Not Found' }),
        `The server answered 404 Not Found for ${URL}.`,
      ],
      [
        withProblem(new DatasetNetworkError('x'), { kind: 'cut-off', url: URL }),
        `The download of ${URL} was cut off before it finished.`,
      ],
      [
        withProblem(new Error('x'), { kind: 'importer-stopped', reason: 'out of memory' }),
        'The importer stopped unexpectedly: out of memory.',
      ],
    ];
    for (const [error, text] of cases) expect(loadErrorText(error)).toBe(text);
    expect(
      loadErrorText(
        withProblem(new DatasetNetworkError('x'), {
          kind: 'unreachable',
          url: URL,
          crossOrigin: true,
        }),
      ),
    ).toContain('(CORS)');
    // A data server's descriptor: the option that lets this page in, with this page's origin.
    expect(
      loadErrorText(
        withProblem(new DatasetNetworkError('x'), {
          kind: 'unreachable',
          url: 'http://127.0.0.1:8787/dateline.json',
          crossOrigin: true,
        }),
      ),
    ).toBe(
      `Could not reach the data server at http://127.0.0.1:8787/dateline.json. Is it running? If it is, it does not let this page read it: start it with “--cors ${globalThis.location.origin}”.`,
    );
    // Any other error says its own message.
    expect(loadErrorText(new DatasetError('The file is not JSON.'))).toBe('The file is not JSON.');
  });

  it('keeps the problem of an error rebuilt from the import worker’s message', () => {
    const rebuilt = importError({
      type: 'error',
      message: 'English text',
      datasetError: true,
      errorName: 'DatasetStalledError',
      problem: { kind: 'stalled', url: URL, seconds: 15 },
    });
    expect(rebuilt.name).toBe('DatasetStalledError');
    expect(rebuilt.message).toBe('English text');
    expect(loadErrorText(rebuilt)).toBe(
      `${URL} stopped answering: nothing arrived for 15 seconds. The server may be busy or the connection lost.`,
    );
  });

  it('says a file’s own problem, made in the import worker, in the reader’s language', async () => {
    const rebuilt = importError({
      type: 'error',
      message: 'page.html looks like an HTML page, not a dataset: is the address right?',
      datasetError: true,
      errorName: 'DatasetError',
      said: {
        id: '{name} looks like an HTML page, not a dataset: is the address right?',
        values: { name: 'page.html' },
      },
    });
    expect(loadErrorText(rebuilt)).toBe(
      'page.html looks like an HTML page, not a dataset: is the address right?',
    );
    await activateLanguage('ko');
    expect(loadErrorText(rebuilt)).toBe(
      'page.html은(는) 데이터셋이 아니라 HTML 페이지로 보입니다. 주소가 맞나요?',
    );
  });

  it('speaks Korean once Korean is active', async () => {
    await activateLanguage('ko');
    const text = loadErrorText(withProblem(new DatasetError('x'), { kind: 'cut-off', url: URL }));
    expect(text).toContain(URL);
    expect(text).toMatch(/[가-힣]/);
  });
});
