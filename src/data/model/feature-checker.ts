/**
 * Checks a FeatureCollection's records against the contract, a batch or the whole list at a time,
 * and settles the dataset's ids and order once every record is in.
 */
import type { DataIssue, Dataset, DatasetEvent } from './schema.ts';
import { deriveEventId } from './derive-id.ts';
import { sortChronologically } from './sort-events.ts';
import { DateMemo } from './date-memo.ts';
import { inEnglish, type Message } from '../../lib/i18n/message.ts';
import { RecordProblem, preview, type JsonObject } from './record-fields.ts';
import { peekId, readBuildIssues, readMetadata, readRecord } from './read-record.ts';

export interface ValidateOptions {
  /**
   * Where each feature came from, when the features were built from another file's rows: issues,
   * events and messages then name the reader's rows rather than positions in `features`.
   */
  positions?: readonly number[];
  /** What a message calls a record: "record", or "row" for tables. */
  noun?: 'record' | 'row';
}

function recordNoun(noun: ValidateOptions['noun']): Message {
  return noun === 'row' ? /*i18n*/ { id: 'row' } : /*i18n*/ { id: 'record' };
}

/**
 * What the checker keeps of a record once takeNew has handed it over: what settling the dataset's
 * order and ids needs. The record itself (its text, sources, tags) is the caller's from then on:
 * the import worker packs it for the page and lets it go. Kept whole until the file ended, every
 * record's text would outlive many collections and be copied by each.
 */
export type HandedOverRecord = Pick<DatasetEvent, 'id' | 'idDerived' | 'position' | 'date'>;

/**
 * Checks a FeatureCollection's records a batch at a time, as they are parsed (feature-stream.ts
 * reads a download in pieces), and settles ids and order once all are in: the same dataset
 * validateFeatureCollection gives for the whole file at once.
 */
export class FeatureChecker {
  private readonly issues: DataIssue[] = [];
  /** In file order: records not yet handed out whole, those handed out as HandedOverRecord. */
  private readonly candidates: (DatasetEvent | HandedOverRecord)[] = [];
  /** Records that gave no id: finish or settle derives theirs, once every given id is known. */
  private readonly withoutId: DatasetEvent[] = [];
  /** Each id given so far and the position of the record that gave it first. */
  private readonly firstPositionById = new Map<string, number>();
  /** Each distinct date text parsed once: a table's rows made into events directly share it. */
  readonly dates = new DateMemo();
  private recordCount = 0;
  /** Each story step number taken so far and the position of the record that took it. */
  private readonly positionByStep = new Map<unknown, number>();

  /** How many candidates takeNew has handed out. */
  private handedOut = 0;

  constructor(private readonly options: ValidateOptions = {}) {}

  /**
   * Hands over the records that met the contract since the last call, in file order, ids not yet
   * settled (an explicit id, or '' until settle derives one). A record repeating an earlier
   * record's id is never among them. The checker keeps only a HandedOverRecord of each, except a
   * record without an id: settle derives its id from its text and sets it on the same object.
   */
  takeNew(): DatasetEvent[] {
    const { candidates } = this;
    // Not yet handed out: every one of them is still whole.
    const fresh = candidates.slice(this.handedOut) as DatasetEvent[];
    for (let index = this.handedOut; index < candidates.length; index += 1) {
      const { id, idDerived, position, date } = candidates[index] as DatasetEvent;
      if (id !== '' && !idDerived) candidates[index] = { id, idDerived, position, date };
    }
    this.handedOut = candidates.length;
    return fresh;
  }

  /** Records read so far, kept or not. */
  get count(): number {
    return this.recordCount;
  }

  add(features: readonly unknown[]): void {
    const { positions } = this.options;
    for (const feature of features) {
      const index = this.recordCount;
      this.recordCount += 1;
      const position = positions?.[index] ?? index;
      const warnings: RecordProblem[] = [];
      try {
        const event = readRecord(feature, position, this.dates, warnings);
        if (!this.accept(event)) continue;
        // What a translation got wrong: the event is shown without it.
        for (const { field, reason, message } of warnings)
          this.issues.push({ position, id: event.id || null, field, reason, message, shown: true });
      } catch (error) {
        // Anything but a RecordProblem would be a bug here; it is still reported against its
        // record rather than taking the whole dataset down.
        const problem =
          error instanceof RecordProblem
            ? error
            : new RecordProblem(
                '',
                /*i18n*/ { id: 'unexpected problem: {error}', values: { error: String(error) } },
              );
        this.issues.push({
          position,
          id: peekId(feature),
          field: problem.field,
          reason: problem.reason,
          message: problem.message,
        });
      }
    }
  }

  /**
   * A record already read as readRecord reads one, by a reader that made its event without the
   * feature (table-to-dataset.ts `eventOf`): only what the whole dataset decides is left to check.
   */
  addEvent(event: DatasetEvent): void {
    this.recordCount += 1;
    this.accept(event);
  }

  /**
   * Given ids must be unique: a repeat is reported on the later record, naming the record that
   * used it first, and left out (never handed out by takeNew; false). Checked as each record arrives
   * (while a download is still under way) rather than all at the end, where it would hold up the
   * last step.
   */
  private accept(event: DatasetEvent): boolean {
    const givenId = event.id;
    if (givenId === '') {
      this.withoutId.push(event);
    } else {
      const first = this.firstPositionById.get(givenId);
      if (first !== undefined) {
        const message: Message = /*i18n*/ {
          id: 'duplicate id: {noun} {number} already uses "{id}"',
          values: { noun: recordNoun(this.options.noun), number: first + 1, id: givenId },
        };
        this.issues.push({
          position: event.position,
          id: givenId,
          field: 'id',
          reason: inEnglish(message),
          message,
        });
        return false;
      }
      this.firstPositionById.set(givenId, event.position);
    }
    const { story } = event;
    if (story) {
      // As readRecord found it: any JSON value until checked here.
      const step: unknown = story.step;
      const first = this.positionByStep.get(step);
      if (first === undefined && Number.isInteger(step) && (step as number) > 0) {
        this.positionByStep.set(step, event.position);
      } else {
        // The event is shown without it: a warning (`shown`), said in the Data issues panel.
        delete event.story;
        const message: Message =
          first === undefined
            ? /*i18n*/ {
                id: 'not a step number (1, 2, 3…): {value}',
                values: { value: typeof step === 'number' ? step : preview(step) },
              }
            : /*i18n*/ {
                id: 'step {step} is also the step of {noun} {number}',
                values: {
                  step: String(step),
                  noun: recordNoun(this.options.noun),
                  number: first + 1,
                },
              };
        this.issues.push({
          position: event.position,
          id: givenId || null,
          field: 'properties.storyStep',
          reason: inEnglish(message),
          message,
          shown: true,
        });
      }
    }
    this.candidates.push(event);
    return true;
  }

  /** The dataset, every record whole: for a checker whose records were never handed out. */
  finish(collection: JsonObject): Dataset {
    if (this.handedOut > 0) {
      throw new Error('FeatureChecker.finish after takeNew: the records were handed over; settle.');
    }
    // Nothing was handed out: every candidate is a whole event.
    const events = this.settledOrder() as DatasetEvent[];
    return { ...this.datasetWithout(collection), events };
  }

  /**
   * After takeNew: the dataset without its events, and every record's settled order (the
   * records still to be taken whole, the ones handed out as HandedOverRecord).
   */
  settle(collection: JsonObject): { dataset: Dataset; order: HandedOverRecord[] } {
    return { dataset: this.datasetWithout(collection), order: this.settledOrder() };
  }

  /** Derives the missing ids and puts every candidate in chronological order. */
  private settledOrder(): (DatasetEvent | HandedOverRecord)[] {
    deriveIds(this.withoutId, this.firstPositionById);
    // A copy to sort: takeNew still hands out the candidates in file order after this.
    const order = this.candidates.slice();
    sortChronologically(order);
    this.issues.sort((a, b) => a.position - b.position);
    return order;
  }

  private datasetWithout(collection: JsonObject): Dataset {
    const { issues, recordCount } = this;
    // A site built from another file (DATASET=…) lists the rows its build could not read: they
    // are the reader's Data issues as much as this file's own.
    const fromBuild = readBuildIssues(collection);
    if (fromBuild.length > 0) {
      issues.push(...fromBuild);
      issues.sort((a, b) => a.position - b.position);
    }
    return {
      metadata: readMetadata(collection),
      events: [],
      issues,
      recordCount: recordCount + fromBuild.length,
    };
  }
}

/**
 * Records without an id get one derived from their content, so links survive reordering; records
 * with identical content share a base and are told apart by a counter. `taken` holds every id
 * given in the file, and gains the derived ones.
 */
function deriveIds(withoutId: readonly DatasetEvent[], taken: Map<string, number>): void {
  for (const event of withoutId) {
    const base = deriveEventId(event);
    let id = base;
    for (let counter = 2; taken.has(id); counter += 1) id = `${base}-${counter}`;
    taken.set(id, event.position);
    // The event is the checker's own until finish returns: settling its id here is safe.
    event.id = id;
    event.idDerived = true;
  }
}
