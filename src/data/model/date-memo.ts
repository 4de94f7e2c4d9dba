import { boundedMemo } from '../../lib/bounded-memo.ts';
import { parseEdtf, type EdtfResult } from './edtf.ts';

/** A million distinct date-times would only fill memory: past this many, each is parsed. */
const MAX_REMEMBERED_DATES = 200_000;

/**
 * Parses each distinct date text once per dataset, and gives every event on that date the same
 * (never changed) date object: a hundred thousand events often fall on a few thousand dates, and
 * the fewer objects are quicker to check, to hand to the page (event-packer.ts) and to keep.
 */
export class DateMemo {
  private readonly parseText = boundedMemo(parseEdtf, MAX_REMEMBERED_DATES);

  parse(value: unknown): EdtfResult {
    return typeof value === 'string' ? this.parseText(value) : parseEdtf(value);
  }
}
