/** What the page and the import worker say to each other. */
import type { DatasetEvent } from '../schema.ts';
import type {
  ImportChoices,
  ImportInput,
  ImportOutcome,
  ImportProgress,
} from './import-dataset.ts';

export interface ImportRequest {
  inputs: ImportInput[];
  choices: ImportChoices | null;
  sourceUrl: string | null;
}

export type ImportResponse =
  | { type: 'progress'; progress: ImportProgress }
  /** A slice of the events, sent ahead of `done` (see import-worker.ts). */
  | { type: 'events'; events: DatasetEvent[] }
  | { type: 'done'; outcome: ImportOutcome }
  | { type: 'error'; message: string; datasetError: boolean };
