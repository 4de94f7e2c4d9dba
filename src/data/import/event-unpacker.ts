/** The reader of event packs (event-pack.ts), on the page. */
import type { DateTimeOfDay, EdtfPoint, EventDate } from '../model/edtf.ts';
import {
  NO_TEXT,
  type DatasetEvent,
  type EventSource,
  type EventTranslation,
  type LocationPrecision,
} from '../model/schema.ts';
import { NEW_DATE, NONE, type EventPack } from './event-pack.ts';

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
      // Built in the order of read-record.ts, property by property: one object shape for the engine.
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
        const source: EventSource = {
          publisher: this.word() ?? '',
          title: this.text(),
          published: this.date(),
          url: this.text(),
          quote: this.text(),
        };
        const quoteTranslations = this.byLanguage(() => this.requiredText());
        if (quoteTranslations) source.quoteTranslations = quoteTranslations;
        sources.push(source);
      }
      const relatedCount = this.number();
      const related = relatedCount === 0 ? NO_TEXT : this.textList(relatedCount);
      const step = this.nullableNumber();
      const event: DatasetEvent = {
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
      };
      if (step !== null) event.story = { step, text: this.requiredText() };
      const translations = this.byLanguage(() => {
        const translation: EventTranslation = {};
        const title = this.text();
        const summary = this.text();
        const place = this.text();
        if (title !== null) translation.title = title;
        if (summary !== null) translation.summary = summary;
        if (place !== null) translation.place = place;
        return translation;
      });
      if (translations) event.translations = translations;
      into.push(event);
    }
    if (this.index !== this.numbers.length) {
      throw new Error('The packed events hold more than their events: packer and unpacker differ.');
    }
    // The pack's buffers are the page's to drop now.
    this.numbers = new Float64Array(0);
    this.textBlob = '';
  }

  /** What EventPacker.byLanguage wrote; undefined for no language. */
  private byLanguage<T>(readOne: () => T): Record<string, T> | undefined {
    const count = this.number();
    if (count === 0) return undefined;
    const byLanguage: Record<string, T> = {};
    for (let left = count; left > 0; left -= 1) byLanguage[this.word() ?? ''] = readOne();
    return byLanguage;
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
