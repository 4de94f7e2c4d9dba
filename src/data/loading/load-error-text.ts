/**
 * A failed load's message in the reader's language. The download's errors are made where no
 * catalogue is (the import worker, the page's entry): they carry what went wrong as data
 * (`DownloadProblem`, dataset-fetch.ts), said here; any other error says its own message.
 */
import { i18n } from '../../lib/i18n/i18n.ts';
import type { DownloadProblem } from './dataset-fetch.ts';
import { DatasetError } from '../model/dataset-error.ts';
import { sayMessage } from '../../lib/i18n/say-message.ts';

/**
 * Where a data server publishes its descriptor (docs/server.md): the one cross-site address whose
 * server is ours, so the page can say which option lets it in.
 */
const DESCRIPTOR_PATH = /\/dateline\.json$/;

export function loadErrorText(error: Error): string {
  // Read here, not with dataset-fetch.ts's problemOf: that module is the page entry's.
  const { problem } = error as Error & { problem?: DownloadProblem };
  switch (problem?.kind) {
    case 'unreachable':
      if (
        problem.crossOrigin &&
        DESCRIPTOR_PATH.test(new URL(problem.url, globalThis.location.href).pathname)
      )
        return i18n._(
          'Could not reach the data server at {address}. Is it running? If it is, it does not let this page read it: start it with “--cors {origin}”.',
          { address: problem.url, origin: globalThis.location.origin },
        );
      return problem.crossOrigin
        ? i18n._(
            'Could not reach {address}: the network request failed. If the address opens in a browser tab, its server may not allow other sites to read it (CORS).',
            { address: problem.url },
          )
        : i18n._('Could not reach {address}: the network request failed.', {
            address: problem.url,
          });
    case 'answer':
      return i18n._('The server answered {status} for {address}.', {
        status: problem.status,
        address: problem.url,
      });
    case 'cut-off':
      return i18n._('The download of {address} was cut off before it finished.', {
        address: problem.url,
      });
    case 'stalled':
      return i18n._(
        '{address} stopped answering: nothing arrived for {seconds} seconds. The server may be busy or the connection lost.',
        { address: problem.url, seconds: problem.seconds },
      );
    case 'importer-stopped':
      return i18n._('The importer stopped unexpectedly: {reason}.', { reason: problem.reason });
    default:
      return error instanceof DatasetError && error.said ? sayMessage(error.said) : error.message;
  }
}
