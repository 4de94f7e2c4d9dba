import { parseEdtf, type EdtfResult } from './edtf.ts';

/**
 * Parses each distinct date text once per dataset, and gives every event on that date the same
 * (never changed) date object: a hundred thousand events often fall on a few thousand dates, and
 * the fewer objects are quicker to check, to hand to the page (event-packer.ts) and to keep.
 */
export class DateMemo {
  private readonly results = new Map<string, EdtfResult>();

  parse(value: unknown): EdtfResult {
    if (typeof value !== 'string') return parseEdtf(value);
    let result = this.results.get(value);
    if (result === undefined) {
      result = parseEdtf(value);
      // A million distinct date-times would only fill memory: past this many, parse each.
      if (this.results.size < MAX_REMEMBERED_DATES) this.results.set(value, result);
    }
    return result;
  }
}

const MAX_REMEMBERED_DATES = 200_000;
