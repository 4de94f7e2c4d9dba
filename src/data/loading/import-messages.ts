/** What the page and the import worker say to each other. */
import type { EventPack } from '../import/event-pack.ts';
import type { RecordSettlement } from '../import/record-settlement.ts';
import type {
  ImportChoices,
  ImportInput,
  ImportOutcome,
  ImportProgress,
} from '../import/import-types.ts';
import type { DownloadProblem } from './dataset-fetch.ts';
import type { Message } from '../../lib/i18n/message.ts';

export interface ImportRequest {
  inputs: ImportInput[];
  /**
   * A file for the worker to download itself before importing it (early-load.ts): the bytes never
   * pass through the page, which is busy starting the app meanwhile.
   */
  download?: { url: string; name: string };
  choices: ImportChoices | null;
  sourceUrl: string | null;
}

export type ImportResponse =
  | { type: 'progress'; progress: ImportProgress }
  /** A slice of the events, packed (event-pack.ts) and sent ahead of `done` (import-worker.ts). */
  | { type: 'events'; pack: EventPack }
  /**
   * Records read while the file downloads (feature-stream.ts), packed by a packer of their own,
   * in file order and with ids not yet settled (the last may carry them already). They count only if `records-settled` follows;
   * otherwise the file was imported whole after all, and its events come as `events`.
   */
  | { type: 'records'; pack: EventPack }
  /** After the last `records`, before `done`: their final order and derived ids. */
  | { type: 'records-settled'; settlement: RecordSettlement }
  | { type: 'done'; outcome: ImportOutcome }
  /**
   * The worker's download arrived (`download` requests). A file small enough to be a manifest
   * comes along, for the page to check (manifest.ts).
   */
  | {
      type: 'downloaded';
      offlineCopy: string | null;
      smallFile: Uint8Array | null;
      /** When the download ended, in ms since 1970 (performance.timeOrigin + now): for the mark. */
      at: number;
    }
  /**
   * `errorName`: the DatasetError subclass, so that the page can rebuild it (dataset-fetch.ts);
   * `problem`: what went wrong, for the page to say in the reader's language.
   */
  | {
      type: 'error';
      message: string;
      datasetError: boolean;
      errorName?: string;
      problem?: DownloadProblem;
      /** A DatasetError's message in a form the page says in the reader's language. */
      said?: Message;
    };
