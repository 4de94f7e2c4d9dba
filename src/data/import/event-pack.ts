/**
 * Events packed for the trip from the import worker to the page. Posting event objects as they are
 * makes the browser copy each of the ten or so objects and strings of every event, twice (out of
 * the worker, into the page): about 0.6 s on each side for 100,000 events. Packed, a slice of events
 * is one array of numbers (moved, not copied), one string holding all their own text, and the
 * words they repeat (categories, countries, publishers) sent once; a date is sent once too and
 * shared by every event on it. The page rebuilds the objects from that in a fraction of the time,
 * with fewer of them. Longer text comes back as slices of the one string, which the engine keeps as
 * references rather than copies.
 *
 * The writer and the reader walk an event in the same order; `event-pack.test.ts` checks that
 * every event that can pass validation comes back equal.
 */
import type { DateTimeOfDay, EdtfPoint, EventDate } from '../model/edtf.ts';
import {
  NO_TEXT,
  type DatasetEvent,
  type EventSource,
  type LocationPrecision,
} from '../model/schema.ts';

export interface EventPack {
  count: number;
  numbers: Float64Array;
  text: string;
  /** Words first used in this pack; earlier packs' words keep their numbers. */
  newWords: string[];
}

/** Marks a missing string or object in the number stream. */
const NONE = -1;
/** Marks a date seen for the first time: it follows in full, and later events refer to it. */
const NEW_DATE = -2;

/** A little more than an event usually takes, so that the array rarely has to grow. */
const NUMBERS_PER_EVENT = 40;

/**
 * Packs events a slice at a time, remembering the words and dates it has sent: later slices
 * refer to them by number. Its packs must be unpacked in order, by one EventUnpacker.
 */
export class EventPacker {
  private numbers = new Float64Array(1024);
  private length = 0;
  /**
   * The pack's text so far. Appended to, not joined from a list at the end: the engine keeps the
   * appended pieces as a rope and copies them once, when the pack is posted, where joining
   * 700,000 pieces per 100,000 events cost 0.17 s of the worker's time.
   */
  private textSoFar = '';
  private newWords: string[] = [];
  private readonly wordIndex = new Map<string, number>();
  /** Validation gives events with the same date one shared date object (validate.ts). */
  private readonly dateIndex = new Map<EventDate, number>();

  pack(events: readonly DatasetEvent[]): EventPack {
    this.numbers = new Float64Array(Math.max(1024, events.length * NUMBERS_PER_EVENT));
    this.length = 0;
    // One event per call rather than the whole loop in here: the engine optimizes the small
    // function once, where the long loop with everything inlined was compiled again for each
    // pack (on-stack replacement) and bailed out at the code after the loop. That was about
    // 0.3 s of compiling per 100,000 events, now 0.1 s: core time the page and the other
    // reader need, though the load's time changed within the noise.
    for (const event of events) this.event(event);
    const pack: EventPack = {
      count: events.length,
      numbers: this.numbers.subarray(0, this.length),
      text: this.textSoFar,
      newWords: this.newWords,
    };
    this.textSoFar = '';
    this.newWords = [];
    return pack;
  }

  event(event: DatasetEvent) {
    this.text(event.id);
    this.flag(event.idDerived);
    this.number(event.position);
    this.text(event.title);
    this.text(event.summary);
    this.date(event.date);
    this.text(event.place);
    this.word(event.country);
    this.number(event.longitude);
    this.number(event.latitude);
    this.word(event.locationPrecision);
    this.word(event.category);
    this.number(event.tags.length);
    for (const tag of event.tags) this.word(tag);
    this.number(event.sources.length);
    for (const source of event.sources) {
      this.word(source.publisher);
      this.text(source.title);
      this.date(source.published);
      this.text(source.url);
      this.text(source.quote);
    }
    this.number(event.related.length);
    for (const id of event.related) this.text(id);
  }

  number(value: number) {
    if (this.length === this.numbers.length) {
      const grown = new Float64Array(this.numbers.length * 2);
      grown.set(this.numbers);
      this.numbers = grown;
    }
    this.numbers[this.length] = value;
    this.length += 1;
  }

  /** null is NaN: no field that may be null is ever NaN when it is present. */
  nullableNumber(value: number | null) {
    this.number(value === null ? Number.NaN : value);
  }

  flag(value: boolean) {
    this.number(value ? 1 : 0);
  }

  /** Text of the event's own (titles, summaries, ids, links): kept in the one long string. */
  text(value: string | null) {
    if (value === null) {
      this.number(NONE);
      return;
    }
    this.number(this.textSoFar.length);
    this.number(value.length);
    this.textSoFar += value;
  }

  /** Text that events share (a category, a country, a publisher): sent once. */
  word(value: string | null) {
    if (value === null) {
      this.number(NONE);
      return;
    }
    let index = this.wordIndex.get(value);
    if (index === undefined) {
      index = this.wordIndex.size;
      this.wordIndex.set(value, index);
      this.newWords.push(value);
    }
    this.number(index);
  }

  date(date: EventDate | null) {
    if (date === null) {
      this.number(NONE);
      return;
    }
    const index = this.dateIndex.get(date);
    if (index !== undefined) {
      this.number(index);
      return;
    }
    this.dateIndex.set(date, this.dateIndex.size);
    this.number(NEW_DATE);
    this.text(date.edtf);
    this.number(date.start);
    this.number(date.end);
    this.point(date.from);
    this.flag(date.to !== null);
    if (date.to !== null) this.point(date.to);
  }

  point(point: EdtfPoint) {
    this.word(point.precision);
    this.number(point.year);
    this.nullableNumber(point.month);
    this.nullableNumber(point.day);
    this.word(point.qualifier);
    const { time } = point;
    this.flag(time !== null);
    if (time !== null) {
      this.number(time.hour);
      this.number(time.minute);
      this.number(time.second);
      this.word(time.offset);
    }
    this.number(point.start);
    this.number(point.end);
  }
}

/** Rebuilds the events of an EventPacker's packs, in the order they were packed. */
export class EventUnpacker {
  private readonly words: string[] = [];
  private readonly dates: EventDate[] = [];
  private numbers: Float64Array = new Float64Array(0);
  private textBlob = '';
  private index = 0;

  /** Appends the events of the next pack to `into`. */
  unpack(pack: EventPack, into: DatasetEvent[]): void {
    for (const word of pack.newWords) this.words.push(word);
    this.numbers = pack.numbers;
    this.textBlob = pack.text;
    this.index = 0;
    for (let count = 0; count < pack.count; count += 1) {
      // Built in the order of validate.ts, property by property: one object shape for the engine.
      const id = this.requiredText();
      const idDerived = this.flag();
      const position = this.number();
      const title = this.requiredText();
      const summary = this.requiredText();
      const date = this.date() as EventDate;
      const place = this.requiredText();
      const country = this.word();
      const longitude = this.number();
      const latitude = this.number();
      const locationPrecision = this.word() as LocationPrecision | null;
      const category = this.word() ?? '';
      const tagCount = this.number();
      const tags = tagCount === 0 ? NO_TEXT : this.wordList(tagCount);
      const sources: EventSource[] = [];
      for (let left = this.number(); left > 0; left -= 1) {
        sources.push({
          publisher: this.word() ?? '',
          title: this.text(),
          published: this.date(),
          url: this.text(),
          quote: this.text(),
        });
      }
      const relatedCount = this.number();
      const related = relatedCount === 0 ? NO_TEXT : this.textList(relatedCount);
      into.push({
        id,
        idDerived,
        position,
        title,
        summary,
        date,
        place,
        country,
        longitude,
        latitude,
        locationPrecision,
        category,
        tags,
        sources,
        related,
      });
    }
    if (this.index !== this.numbers.length) {
      throw new Error('The packed events hold more than their events: packer and unpacker differ.');
    }
    // The pack's buffers are the page's to drop now.
    this.numbers = new Float64Array(0);
    this.textBlob = '';
  }

  private number(): number {
    const value = this.numbers[this.index];
    this.index += 1;
    if (value === undefined) throw new Error('The packed events end early.');
    return value;
  }

  private nullableNumber(): number | null {
    const value = this.number();
    return Number.isNaN(value) ? null : value;
  }

  private flag(): boolean {
    return this.number() === 1;
  }

  private text(): string | null {
    const start = this.number();
    if (start === NONE) return null;
    const length = this.number();
    return this.textBlob.slice(start, start + length);
  }

  private requiredText(): string {
    return this.text() ?? '';
  }

  private wordList(count: number): string[] {
    const list: string[] = [];
    for (let left = count; left > 0; left -= 1) list.push(this.word() ?? '');
    return list;
  }

  private textList(count: number): string[] {
    const list: string[] = [];
    for (let left = count; left > 0; left -= 1) list.push(this.requiredText());
    return list;
  }

  private word(): string | null {
    const index = this.number();
    if (index === NONE) return null;
    const word = this.words[index];
    if (word === undefined) throw new Error(`The packed events name an unknown word (${index}).`);
    return word;
  }

  private date(): EventDate | null {
    const index = this.number();
    if (index === NONE) return null;
    if (index !== NEW_DATE) {
      const known = this.dates[index];
      if (known === undefined)
        throw new Error(`The packed events name an unknown date (${index}).`);
      return known;
    }
    const edtf = this.requiredText();
    const start = this.number();
    const end = this.number();
    const from = this.point();
    const to = this.flag() ? this.point() : null;
    const date: EventDate = { edtf, start, end, from, to };
    this.dates.push(date);
    return date;
  }

  private point(): EdtfPoint {
    const precision = this.word() as EdtfPoint['precision'];
    const year = this.number();
    const month = this.nullableNumber();
    const day = this.nullableNumber();
    const qualifier = this.word() as EdtfPoint['qualifier'];
    let time: DateTimeOfDay | null = null;
    if (this.flag()) {
      time = {
        hour: this.number(),
        minute: this.number(),
        second: this.number(),
        offset: this.word(),
      };
    }
    return {
      precision,
      year,
      month,
      day,
      qualifier,
      time,
      start: this.number(),
      end: this.number(),
    };
  }
}

/**
 * How records sent while the file downloaded (in file order, ids not yet settled) become the
 * dataset's events: the final order, by position in the file (records whose id repeats an
 * earlier one's are left out, as issues), and the ids derived for records that gave none.
 */
export interface RecordSettlement {
  order: Float64Array;
  derivedPositions: Float64Array;
  derivedIds: string[];
}

/**
 * From the records in their settled order (validate.ts, FeatureChecker.settle): what the page
 * needs to settle the ones it has.
 */
export function settlementOf(
  events: readonly Pick<DatasetEvent, 'position' | 'idDerived' | 'id'>[],
): RecordSettlement {
  const order = new Float64Array(events.length);
  const derivedPositions: number[] = [];
  const derivedIds: string[] = [];
  events.forEach((event, index) => {
    order[index] = event.position;
    if (event.idDerived) {
      derivedPositions.push(event.position);
      derivedIds.push(event.id);
    }
  });
  return { order, derivedPositions: Float64Array.from(derivedPositions), derivedIds };
}

/**
 * The events, in their final order with their final ids, from the records rebuilt while the file
 * downloaded. The records are the caller's own: their ids are settled in place.
 */
export function settleRecords(
  records: readonly DatasetEvent[],
  settlement: RecordSettlement,
): DatasetEvent[] {
  // Positions are record numbers in the file: an array finds them without hashing 100,000 keys.
  let lastPosition = -1;
  for (const record of records) lastPosition = Math.max(lastPosition, record.position);
  const atPosition = new Array<DatasetEvent | undefined>(lastPosition + 1);
  for (const record of records) atPosition[record.position] = record;
  const find = (position: number) => {
    const record = atPosition[position];
    if (!record) throw new Error(`No record was sent for position ${position}.`);
    return record;
  };
  settlement.derivedPositions.forEach((position, index) => {
    const record = find(position);
    record.id = settlement.derivedIds[index] ?? '';
    record.idDerived = true;
  });
  return Array.from(settlement.order, find);
}
