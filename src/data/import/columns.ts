/**
 * Which column holds what. The importer guesses from column names first (a long list of the names
 * real exports use) and checks each guess against the values; a guess it is not sure of is shown
 * to the reader to confirm or change before anything is imported.
 */
import {
  combineEvidence,
  dayOrderEvidence,
  parseDateCell,
  type DayOrder,
  type DayOrderEvidence,
} from './date-cells.ts';

export const MAPPED_FIELDS = [
  'date',
  'endDate',
  'latitude',
  'longitude',
  'title',
  'summary',
  'place',
  'link',
  'category',
  'id',
  'country',
  'locationPrecision',
] as const;
export type MappedField = (typeof MAPPED_FIELDS)[number];

/** Each field's column name, or null when the file has none for it. */
export type ColumnMapping = Record<MappedField, string | null>;

export const REQUIRED_FIELDS: readonly MappedField[] = ['date', 'latitude', 'longitude', 'title'];

export const FIELD_LABELS: Record<MappedField, string> = {
  date: 'Date',
  endDate: 'End date',
  latitude: 'Latitude',
  longitude: 'Longitude',
  title: 'Title',
  summary: 'Summary',
  place: 'Place',
  link: 'Source link',
  category: 'Category',
  id: 'ID',
  country: 'Country code',
  locationPrecision: 'Location precision',
};

export interface ImportTable {
  columns: string[];
  rows: string[][];
}

export interface MappingProposal {
  mapping: ColumnMapping;
  dayOrder: DayOrder;
  dayOrderEvidence: DayOrderEvidence;
  /** The same for every column, so the dialog can answer for whichever the reader picks. */
  evidenceByColumn: Record<string, DayOrderEvidence>;
  /** Why the reader should look before importing; empty when the importer is sure. */
  doubts: string[];
}

/** Lower case, letters and digits only: "Facility Latitude" → "facilitylatitude". */
export function normalizeColumnName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Names that settle a field by themselves, best first. */
const STRONG_NAMES: Record<MappedField, string[]> = {
  date: [
    'date',
    'eventdate',
    'datestart',
    'startdate',
    'datetime',
    'time',
    'timestamp',
    'when',
    'day',
    'occurredat',
    'occurred',
    'start',
  ],
  endDate: ['dateend', 'enddate', 'end', 'endtime', 'until', 'dateto'],
  latitude: [
    'latitude',
    'lat',
    'geometrylatitude',
    'facilitylatitude',
    'decimallatitude',
    'latdd',
    'latitudedd',
  ],
  longitude: [
    'longitude',
    'lon',
    'lng',
    'long',
    'geometrylongitude',
    'facilitylongitude',
    'decimallongitude',
    'londd',
    'longitudedd',
  ],
  title: ['title', 'name', 'headline', 'eventname', 'eventtitle', 'subject', 'label'],
  summary: [
    'summary',
    'description',
    'briefdescription',
    'details',
    'notes',
    'note',
    'additionalinformation',
    'abstract',
    'text',
    'body',
    'comments',
  ],
  place: [
    'place',
    'placename',
    'location',
    'locationname',
    'towncity',
    'city',
    'town',
    'locality',
    'wheredescription',
    'address',
    'site',
    'facilityname',
    'facilitylocation',
  ],
  link: ['url', 'link', 'sourceurl', 'sourcelink', 'sources', 'source', 'href', 'website'],
  category: [
    'category',
    'type',
    'eventtype',
    'kind',
    'class',
    'missiletype',
    'typeofviolence',
    'eventgroup',
  ],
  id: [
    'id',
    'eventid',
    'uid',
    'uuid',
    'identifier',
    'entry',
    'key',
    'objectid',
    'fid',
    'featureid',
    'index',
  ],
  country: ['countrycode', 'iso2', 'isoa2', 'country'],
  locationPrecision: ['locationprecision'],
};

/** Weak names: used only when nothing better exists, and always shown for confirmation. */
const WEAK_NAMES: Partial<Record<MappedField, string[]>> = {
  latitude: ['y'],
  longitude: ['x'],
  title: ['description', 'place', 'location'],
};

/** For a title when nothing is named like one: measurements such as "magnitude" read well. */
const FALLBACK_TITLE = /magnitude|^mag$|name|type|kind|event|place|location|site|description/;

const WEAK_FRAGMENTS: Partial<Record<MappedField, { include: RegExp; exclude?: RegExp }>> = {
  date: { include: /date|time/, exclude: /updat|enter|modif|creat|publish|launchtime/ },
  latitude: { include: /^lat|lat$|latitude/ },
  longitude: { include: /^lon|^lng|lon$|lng$|longitude/ },
  title: { include: /name|title/, exclude: /file/ },
};

const SAMPLE_SIZE = 500;

function sampleValues(table: ImportTable, column: number): string[] {
  const values: string[] = [];
  const step = Math.max(1, Math.floor(table.rows.length / SAMPLE_SIZE));
  for (let index = 0; index < table.rows.length && values.length < SAMPLE_SIZE; index += step) {
    const value = table.rows[index]?.[column]?.trim() ?? '';
    if (value !== '') values.push(value);
  }
  return values;
}

function share(values: string[], test: (value: string) => boolean): number {
  if (values.length === 0) return 0;
  let passing = 0;
  for (const value of values) if (test(value)) passing += 1;
  return passing / values.length;
}

export function parseCoordinate(text: string): number | null {
  const trimmed = text.trim();
  // A decimal comma ("40,85") from European spreadsheets, when there is no point.
  const normalised = /^-?\d+,\d+$/.test(trimmed) ? trimmed.replace(',', '.') : trimmed;
  // One way to match each text: `\d+\.?\d*` could split a run of digits at every point, which took
  // seconds on a 20 000-digit cell (quadratic backtracking before failing at a final letter).
  if (!/^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i.test(normalised)) return null;
  const value = Number(normalised);
  return Number.isFinite(value) ? value : null;
}

const CONTENT_CHECKS: Partial<Record<MappedField, (values: string[]) => boolean>> = {
  date: (values) =>
    share(
      values,
      (value) => parseDateCell(value, 'day-first').ok || parseDateCell(value, 'month-first').ok,
    ) >= 0.5,
  endDate: (values) =>
    share(
      values,
      (value) => parseDateCell(value, 'day-first').ok || parseDateCell(value, 'month-first').ok,
    ) >= 0.5,
  latitude: (values) =>
    share(values, (value) => Math.abs(parseCoordinate(value) ?? 999) <= 90) >= 0.5,
  longitude: (values) =>
    share(values, (value) => Math.abs(parseCoordinate(value) ?? 999) <= 180) >= 0.5,
  link: (values) => share(values, (value) => /https?:\/\//i.test(value)) >= 0.3,
  title: (values) => share(values, (value) => parseCoordinate(value) === null) >= 0.8,
  category: (values) => new Set(values).size <= 24,
  // Mostly unique: a few repeats are the file's slips, and such rows get ids of their own.
  id: (values) => new Set(values).size >= values.length * 0.9,
  country: (values) => share(values, (value) => /^[A-Za-z]{2}$/.test(value)) >= 0.9,
  locationPrecision: (values) =>
    share(values, (value) => ['exact', 'city', 'region', 'country'].includes(value)) >= 0.9,
};

interface Match {
  column: number;
  strong: boolean;
}

function findColumn(
  field: MappedField,
  table: ImportTable,
  taken: Set<number>,
  samples: (column: number) => string[],
): Match | null {
  const names = table.columns.map(normalizeColumnName);
  const fits = (column: number) => {
    if (taken.has(column)) return false;
    const check = CONTENT_CHECKS[field];
    const values = samples(column);
    return values.length > 0 && (check === undefined || check(values));
  };
  for (const name of STRONG_NAMES[field]) {
    const column = names.indexOf(name);
    if (column !== -1 && fits(column)) return { column, strong: true };
  }
  for (const name of WEAK_NAMES[field] ?? []) {
    const column = names.indexOf(name);
    if (column !== -1 && fits(column)) return { column, strong: false };
  }
  const fragment = WEAK_FRAGMENTS[field];
  if (fragment) {
    for (let column = 0; column < names.length; column += 1) {
      const name = names[column] ?? '';
      if (fragment.include.test(name) && !fragment.exclude?.test(name) && fits(column)) {
        return { column, strong: false };
      }
    }
  }
  if (field === 'title') {
    const column = names.findIndex((name, index) => FALLBACK_TITLE.test(name) && !taken.has(index));
    if (column !== -1) return { column, strong: false };
  }
  return null;
}

export function emptyMapping(): ColumnMapping {
  return Object.fromEntries(MAPPED_FIELDS.map((field) => [field, null])) as ColumnMapping;
}

/** Enough rows to find a day over 12 if the column has one, without reading a million. */
const EVIDENCE_ROWS = 20_000;

function columnEvidence(table: ImportTable): Record<string, DayOrderEvidence> {
  const step = Math.max(1, Math.floor(table.rows.length / EVIDENCE_ROWS));
  const evidence: Record<string, DayOrderEvidence> = Object.create(null) as Record<
    string,
    DayOrderEvidence
  >;
  table.columns.forEach((column, index) => {
    const values: string[] = [];
    for (let row = 0; row < table.rows.length; row += step)
      values.push(table.rows[row]?.[index] ?? '');
    evidence[column] = dayOrderEvidence(values);
  });
  return evidence;
}

/** The evidence of the columns a mapping reads dates from. */
export function evidenceFor(
  evidenceByColumn: Record<string, DayOrderEvidence>,
  mapping: Pick<ColumnMapping, 'date' | 'endDate'>,
): DayOrderEvidence {
  const of = (column: string | null) =>
    column === null ? 'not-needed' : (evidenceByColumn[column] ?? 'not-needed');
  return combineEvidence(of(mapping.date), of(mapping.endDate));
}

/** Guesses a mapping for the table, and says where the guess needs the reader's eye. */
export function proposeMapping(table: ImportTable): MappingProposal {
  const cache = new Map<number, string[]>();
  const samples = (column: number) => {
    let values = cache.get(column);
    if (!values) {
      values = sampleValues(table, column);
      cache.set(column, values);
    }
    return values;
  };
  const mapping = emptyMapping();
  const doubts: string[] = [];
  const taken = new Set<number>();
  // Coordinates and dates first: they are the surest, and a title must not take their columns.
  const order: MappedField[] = [
    'latitude',
    'longitude',
    'date',
    'endDate',
    'id',
    'title',
    'link',
    'summary',
    'place',
    'category',
    'country',
    'locationPrecision',
  ];
  for (const field of order) {
    const match = findColumn(field, table, taken, samples);
    if (!match) {
      if (REQUIRED_FIELDS.includes(field))
        doubts.push(`No column looks like the ${FIELD_LABELS[field].toLowerCase()}.`);
      continue;
    }
    const column = table.columns[match.column] ?? null;
    mapping[field] = column;
    taken.add(match.column);
    if (!match.strong && REQUIRED_FIELDS.includes(field)) {
      doubts.push(`“${column}” was guessed as the ${FIELD_LABELS[field].toLowerCase()}.`);
    }
  }

  const evidenceByColumn = columnEvidence(table);
  const evidence = evidenceFor(evidenceByColumn, mapping);
  if (evidence === 'undecided') {
    doubts.push('Every date fits both day/month and month/day order: which is it?');
  } else if (evidence === 'conflicting') {
    doubts.push('The dates mix day/month and month/day order: some rows will be reported.');
  }
  const dayOrder: DayOrder = evidence === 'month-first' ? 'month-first' : 'day-first';
  return { mapping, dayOrder, dayOrderEvidence: evidence, evidenceByColumn, doubts };
}
