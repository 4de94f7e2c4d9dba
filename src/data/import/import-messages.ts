/** What the page and the import worker say to each other. */
import type { EventPack } from './event-pack.ts';
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
  /** A slice of the events, packed (event-pack.ts) and sent ahead of `done` (import-worker.ts). */
  | { type: 'events'; pack: EventPack }
  | { type: 'done'; outcome: ImportOutcome }
  | { type: 'error'; message: string; datasetError: boolean };
