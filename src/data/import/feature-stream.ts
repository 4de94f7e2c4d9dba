/**
 * Reads a Dateline GeoJSON file while it downloads. The download of a large file is mostly
 * waiting for the network; with this, its records are parsed and checked in that time, a few
 * thousand at a time as the pieces arrive, instead of all at once after the last byte (for a large
 * file, decoding, parsing and checking can take longer than the download itself).
 *
 * It only ever takes the quick way where the answer is certain to be the one the whole-file
 * importer gives: a UTF-8 file holding one JSON object whose top-level "features" list holds
 * records of our own contract. Anything else (another encoding, a CSV or manifest, broken JSON,
 * other records) makes it step aside, and the whole file goes through importDataset as before,
 * which names the problem exactly. No message depends on which way a file was read.
 */
import type { ImportOutcome } from './import-types.ts';
import {
  CONTRACT_SAMPLE_SIZE,
  baseName,
  blankReport,
  isObject,
  sampleIsOurs,
} from './contract-sample.ts';
import { FeatureChecker } from '../model/feature-checker.ts';
import type { DatasetEvent } from '../model/schema.ts';
import { settlementOf, type RecordSettlement } from './record-settlement.ts';
import { JsonScan, OPEN_BRACE } from './json-scan.ts';
import { RecordSeparator } from './record-separator.ts';

/** Text before the features list longer than this is not a file this reader is for. */
const MAX_HEAD_LENGTH = 1_000_000;

const JSON_WHITESPACE_ONLY = /^[ \t\n\r]*$/;

type Phase = 'start' | 'head' | 'features' | 'tail' | 'stepped-aside';

export class FeatureStream {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private readonly checker = new FeatureChecker();
  private phase: Phase = 'start';
  private firstBytes = true;
  /** The text up to and including the features list's `[`, then the text after its `]`. */
  private head = '';
  private tail = '';
  /** Text of the features list not yet parsed. */
  private pending = '';
  private readonly scan = new JsonScan();
  private readonly sample: unknown[] = [];
  private batches = 0;
  private readonly separator = new RecordSeparator();

  private readonly fileName: string;

  constructor(fileName: string) {
    this.fileName = baseName(fileName);
  }

  /** Records read so far, for the progress line. */
  get records(): number {
    return this.phase === 'stepped-aside' ? 0 : this.checker.count;
  }

  /** As FeatureChecker.takeNew: the records checked since the last call. */
  takeNew(): DatasetEvent[] {
    return this.phase === 'stepped-aside' ? [] : this.checker.takeNew();
  }

  /** The next piece of the download. Never throws. */
  push(bytes: Uint8Array): void {
    if (this.phase === 'stepped-aside') return;
    if (this.firstBytes) {
      this.firstBytes = false;
      // UTF-16 (byte-order marks FF FE, FE FF): decodeBytes' business.
      if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
        this.stepAside();
        return;
      }
    }
    let text: string;
    try {
      text = this.decoder.decode(bytes, { stream: true });
    } catch {
      this.stepAside(); // not UTF-8: read as Windows-1252 by the whole-file importer
      return;
    }
    try {
      this.read(text);
    } catch {
      // Nothing in reading should throw; if it ever did, the whole-file importer still answers.
      this.stepAside();
    }
  }

  /**
   * After the last piece: the outcome importDataset would give for the whole file, without its
   * events, and how the records taken (takeNew, which still hands out the last of them after
   * this) become those events. Null when the whole file must go through importDataset after all.
   */
  end(): { outcome: ImportOutcome; settlement: RecordSettlement } | null {
    if (this.phase !== 'stepped-aside') {
      try {
        this.read(this.decoder.decode());
        if (this.phase === 'features') this.readFeatures(true);
      } catch {
        this.stepAside();
      }
    }
    if (this.phase !== 'tail' || this.scan.members(this.tail, 0, true) !== -1) {
      this.stepAside();
      return null;
    }
    if (this.sample.length < CONTRACT_SAMPLE_SIZE && !sampleIsOurs(this.sample)) return null;
    let collection: unknown;
    try {
      collection = JSON.parse(`${this.head}]${this.tail}`);
    } catch {
      return null;
    }
    if (
      !isObject(collection) ||
      collection.type !== 'FeatureCollection' ||
      !Array.isArray(collection.features) ||
      collection.features.length !== 0
    ) {
      return null;
    }
    const { dataset, order } = this.checker.settle(collection);
    if (dataset.metadata.title === 'Untitled dataset') dataset.metadata.title = this.fileName;
    return {
      outcome: {
        kind: 'dataset',
        dataset,
        report: { ...blankReport(this.fileName, 'utf-8'), format: 'dateline-geojson' },
      },
      settlement: settlementOf(order),
    };
  }

  private stepAside() {
    this.phase = 'stepped-aside';
    this.head = '';
    this.tail = '';
    this.pending = '';
    this.sample.length = 0;
  }

  private read(text: string) {
    if (this.phase === 'start') {
      // JSON's own whitespace only: a no-break space or a second byte-order mark is not JSON.
      const start = text.search(/[^ \t\n\r]/);
      if (start === -1) return;
      if (text.charCodeAt(start) !== OPEN_BRACE) {
        this.stepAside(); // a list of records, a CSV, an HTML page: not ours to read
        return;
      }
      this.phase = 'head';
    }
    if (this.phase === 'head') {
      const scanFrom = this.head.length;
      this.head += text;
      const featuresAt = this.scan.members(this.head, scanFrom, false);
      if (featuresAt === -1) {
        if (this.head.length > MAX_HEAD_LENGTH) this.stepAside();
        return;
      }
      text = this.head.slice(featuresAt + 1);
      this.head = this.head.slice(0, featuresAt + 1);
      this.phase = 'features';
    }
    if (this.phase === 'features') {
      this.pending += text;
      this.readFeatures(false);
      return;
    }
    if (this.phase === 'tail') this.tail += text;
  }

  /**
   * Parses the complete records in `pending`, and finds the end of the list: cut at the records'
   * separator where one is known (record-separator.ts). A cut that does not parse, and the end of
   * the file, are left to the scan.
   */
  private readFeatures(atEnd: boolean) {
    const at = atEnd ? null : this.separator.lastIn(this.pending);
    if (at === -1) return; // wait for more
    if (at !== null) {
      const records = this.parseRecords(this.pending.slice(0, at + 1));
      if (records) {
        this.pending = this.pending.slice(at + 2);
        this.separator.cut();
        this.scan.restart();
        this.accept(records);
        return;
      }
      this.separator.drop();
    }
    const listEnd = this.scanFeatures();
    if (listEnd === -1) return;
    this.tail = this.pending.slice(listEnd + 1);
    this.pending = this.pending.slice(0, listEnd);
    this.parseBatch(this.pending, true);
    this.pending = '';
    if (this.phase === 'features') {
      this.phase = 'tail';
      this.scan.key = '';
    }
  }

  /**
   * Scans the features list; parses every complete record found so far. Returns the index in
   * `pending` of the `]` that closes the list, or -1 while it is still open.
   */
  private scanFeatures(): number {
    const text = this.pending;
    const { listEnd, firstComma, lastComma } = this.scan.features(text);
    if (firstComma !== -1) this.separator.sight(text, firstComma);
    if (lastComma !== -1) this.parseUpTo(lastComma);
    return listEnd === -1 ? -1 : this.pending.length - (text.length - listEnd);
  }

  /** Parses the records before the comma at `comma` in pending, and keeps the rest. */
  private parseUpTo(comma: number) {
    const batch = this.pending.slice(0, comma);
    this.pending = this.pending.slice(comma + 1);
    this.scan.scanned -= comma + 1;
    this.separator.cut();
    this.parseBatch(batch, false);
  }

  /** `last`: the batch ends at the list's `]`. */
  private parseBatch(batch: string, last: boolean) {
    if (this.phase !== 'features') return;
    if (JSON_WHITESPACE_ONLY.test(batch)) {
      // Nothing between two commas, or after the last: JSON.parse of the whole file would refuse
      // it, though "[ ]" on its own parses. Only an empty list may be empty.
      if (!last || this.batches > 0) this.stepAside();
      return;
    }
    const records = this.parseRecords(batch);
    if (records) this.accept(records);
    else this.stepAside(); // broken JSON: importDataset says where and why
  }

  /** The records in a batch of list text, or null if it is not a list of whole JSON values. */
  private parseRecords(batch: string): unknown[] | null {
    try {
      return JSON.parse(`[${batch}]`) as unknown[];
    } catch {
      return null;
    }
  }

  private accept(list: unknown[]) {
    this.batches += 1;
    if (this.sample.length < CONTRACT_SAMPLE_SIZE) {
      this.sample.push(...list.slice(0, CONTRACT_SAMPLE_SIZE - this.sample.length));
      if (this.sample.length === CONTRACT_SAMPLE_SIZE && !sampleIsOurs(this.sample)) {
        this.stepAside(); // plain GeoJSON: its columns are mapped by importDataset
        return;
      }
    }
    this.checker.add(list);
  }
}
