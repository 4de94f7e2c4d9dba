/**
 * Readable derived ids for Korean titles. derive-id.ts makes an id's words from the title's Latin
 * letters alone, so "신포 잠수함 발사" became `event-1wdceer`. Here, in the import chunk (not the
 * first load: see docs/decisions.md), Hangul is romanized with the Revised Romanization of Korean
 * first ("sinpo-jamsuham-balsa-1wdceer"). Ids stay within the contract's pattern (lower-case ASCII
 * words, ID_PATTERN in read-record.ts), so other scripts, which have no romanizer here, keep the
 * `event-<hash>` form, with whatever Latin words the title has.
 */
import { romanize } from 'es-hangul';
import type { DatasetEvent } from '../model/schema.ts';
import type { HandedOverRecord } from '../model/feature-checker.ts';
import { MAX_ID_LENGTH, slugify } from '../model/derive-id.ts';

/** Hangul syllables and jamo, in a run: romanized together so sound changes across them apply. */
const HANGUL_RUN = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]+/g;
const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]/;

/** A title's words for an id: Hangul romanized, then a slug made as derive-id.ts makes one. */
export function readableSlug(title: string): string {
  return slugify(title.replace(HANGUL_RUN, (run) => ` ${romanize(run)} `));
}

/**
 * deriveEventId's hash (derive-id.ts), computed again here rather than imported: importing it
 * would make the import worker, which is in the first load, export one more name, and the first
 * load has no byte to spare. readable-ids.test.ts checks the two agree.
 */
function contentHash(event: IdContent): string {
  const key = [
    event.edtf,
    event.longitude.toFixed(5),
    event.latitude.toFixed(5),
    event.title.normalize('NFC'),
  ].join('|');
  let hash = 0x811c9dc5;
  for (let index = 0; index < key.length; index += 1) {
    hash ^= key.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36).padStart(7, '0');
}

/** What a derived id is made of: the record's title, date as written, and place. */
interface IdContent {
  title: string;
  edtf: string;
  longitude: number;
  latitude: number;
}

/**
 * The id deriveEventId gives; with `romanizeHangul`, a Korean title's words romanized. The data
 * server's SQL loader derives ids with it, as the importer does, without whole events.
 */
export function readableEventId(content: IdContent, romanizeHangul: boolean): string {
  const slug = (romanizeHangul ? readableSlug(content.title) : slugify(content.title))
    .slice(0, MAX_ID_LENGTH - 16)
    .replace(/-$/, '');
  return `${slug || 'event'}-${contentHash(content)}`;
}

function readableId(event: DatasetEvent): string {
  return readableEventId({ ...event, edtf: event.date.edtf }, true);
}

/**
 * Gives events whose ids were derived readable ids when any of their titles has Hangul, and says
 * whether it did (events on the same days are ordered by id, so they may need sorting again). Every
 * derived id is settled again, in file order and with a counter for repeats, exactly as
 * feature-checker.ts settles them, so the ids stay as stable under reordering and additions as
 * they were; a file with Latin titles only keeps its ids to the character.
 */
export function withReadableIds(events: readonly (DatasetEvent | HandedOverRecord)[]): boolean {
  // A record whose id was derived is always whole (FeatureChecker.takeNew keeps it so).
  const derived = events.filter((event): event is DatasetEvent => event.idDerived);
  if (!derived.some((event) => HANGUL.test(event.title))) return false;
  const taken = new Set(events.filter((event) => !event.idDerived).map((event) => event.id));
  derived.sort((a, b) => a.position - b.position);
  for (const event of derived) {
    const base = readableId(event);
    let id = base;
    for (let counter = 2; taken.has(id); counter += 1) id = `${base}-${counter}`;
    taken.add(id);
    event.id = id;
  }
  return true;
}
