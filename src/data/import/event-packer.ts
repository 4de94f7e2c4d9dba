/** The writer of event packs (event-pack.ts), in the import worker. */
import type { EdtfPoint, EventDate } from '../model/edtf.ts';
import type { DatasetEvent } from '../model/schema.ts';
import { NEW_DATE, NONE, type EventPack } from './event-pack.ts';

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
   * appended pieces as a rope and copies them once, when the pack is posted, where joining the
   * many small pieces cost the worker more.
   */
  private textSoFar = '';
  private newWords: string[] = [];
  private readonly wordIndex = new Map<string, number>();
  /** Validation gives events with the same date one shared date object (date-memo.ts). */
  private readonly dateIndex = new Map<EventDate, number>();

  pack(events: readonly DatasetEvent[]): EventPack {
    this.numbers = new Float64Array(Math.max(1024, events.length * NUMBERS_PER_EVENT));
    this.length = 0;
    // One event per call rather than the whole loop in here: the engine optimizes the small
    // function once, where the long loop with everything inlined was compiled again for each
    // pack (on-stack replacement) and bailed out at the code after the loop: compiling takes
    // core time the page and the other reader need.
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
      this.byLanguage(source.quoteTranslations, (quote) => this.text(quote));
    }
    this.number(event.related.length);
    for (const id of event.related) this.text(id);
    const { story } = event;
    this.nullableNumber(story ? story.step : null);
    if (story) this.text(story.text);
    this.byLanguage(event.translations, (translation) => {
      this.text(translation.title ?? null);
      this.text(translation.summary ?? null);
      this.text(translation.place ?? null);
    });
  }

  /** How many languages, then each language's tag and what `each` writes of its text. */
  byLanguage<T>(byLanguage: Record<string, T> | undefined, each: (value: T) => void) {
    const entries = byLanguage ? Object.entries(byLanguage) : [];
    this.number(entries.length);
    for (const [language, value] of entries) {
      this.word(language);
      each(value);
    }
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
