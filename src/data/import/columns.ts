/**
 * Which column holds what. The importer guesses from column names first (a long list of the names
 * real exports use) and checks each guess against the values; a guess it is not sure of is shown
 * to the reader to confirm or change before anything is imported.
 */
import { dayOrderEvidence, type DayOrder, type DayOrderEvidence } from './date-cells.ts';
import {
  FIELD_LABELS,
  REQUIRED_FIELDS,
  emptyMapping,
  evidenceFor,
  type ImportTable,
  type MappedField,
  type MappingNote,
  type MappingProposal,
} from './column-mapping.ts';
import {
  FALLBACK_TITLE,
  STRONG_NAMES,
  WEAK_FRAGMENTS,
  WEAK_NAMES,
  normalizeColumnName,
} from './column-names.ts';
import {
  CONTENT_CHECKS,
  FEW_CATEGORIES,
  allDates,
  categoryCount,
  detectCoordinatePair,
  looksLikeCategories,
  sampleValues,
} from './column-content.ts';

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

const KNOWN_NAMES = new Set(
  [...Object.values(STRONG_NAMES), ...Object.values(WEAK_NAMES)].flatMap((names) => names),
);

/**
 * Columns read from their values alone, for the date and the coordinates when no name settled
 * them: only columns whose names mean nothing to the importer, so a recognised header is never
 * overridden by what its values happen to look like.
 */
function valueMatches(
  table: ImportTable,
  samples: (column: number) => string[],
): Partial<Record<MappedField, Match>> {
  const none = new Set<number>();
  const unnamed = table.columns.flatMap((name, column) =>
    KNOWN_NAMES.has(normalizeColumnName(name)) ? [] : [column],
  );
  const matches: Partial<Record<MappedField, Match>> = {};
  const coordinatesNamed =
    findColumn('latitude', table, none, samples) !== null ||
    findColumn('longitude', table, none, samples) !== null;
  const pair = coordinatesNamed ? null : detectCoordinatePair(unnamed, samples);
  if (pair) {
    matches.latitude = { column: pair.latitude, strong: pair.sure };
    matches.longitude = { column: pair.longitude, strong: pair.sure };
  }
  if (findColumn('date', table, none, samples) === null) {
    const dates = unnamed.filter((column) => allDates(samples(column)));
    // Two columns of dates may be a start and an end, or a date and when it was recorded: asked.
    if (dates[0] !== undefined) matches.date = { column: dates[0], strong: dates.length === 1 };
  }
  return matches;
}

/** Names that make a column of few values the likelier category: "violence level" over "country". */
const CATEGORY_LIKE_NAME = /categor|type|kind|class|group|level|severity|status|tag|sort/;

/**
 * A column of a few repeated values, when no column named like a category has so few: each
 * category then gets a colour a reader can tell apart. Columns named like categories come first,
 * then the fewest values.
 */
function suggestCategoryColumn(
  table: ImportTable,
  taken: Set<number>,
  samples: (column: number) => string[],
): { column: number; count: number } | null {
  const candidates = table.columns.flatMap((name, column) => {
    if (taken.has(column)) return [];
    const values = samples(column);
    if (!looksLikeCategories(values)) return [];
    const named = CATEGORY_LIKE_NAME.test(normalizeColumnName(name));
    return [{ column, count: categoryCount(values), named }];
  });
  candidates.sort((a, b) => Number(b.named) - Number(a.named) || a.count - b.count);
  return candidates[0] ?? null;
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
  const suggestions: string[] = [];
  const doubtNotes: MappingNote[] = [];
  const suggestionNotes: MappingNote[] = [];
  const taken = new Set<number>();
  const fromValues = valueMatches(table, samples);
  // Coordinates and dates first: they are the surest, and a title must not take their columns.
  const order: MappedField[] = [
    'latitude',
    'longitude',
    'date',
    'endDate',
    'id',
    'title',
    'link',
    'publisher',
    'summary',
    'place',
    'category',
    'country',
    'locationPrecision',
  ];
  for (const field of order) {
    const named = findColumn(field, table, taken, samples);
    const detected = fromValues[field];
    const match = named ?? (detected && !taken.has(detected.column) ? detected : null);
    if (!match) {
      if (REQUIRED_FIELDS.includes(field)) {
        doubts.push(`No column looks like the ${FIELD_LABELS[field].toLowerCase()}.`);
        doubtNotes.push({ kind: 'missing', field });
      }
      continue;
    }
    const column = table.columns[match.column] ?? null;
    mapping[field] = column;
    taken.add(match.column);
    if (!match.strong && REQUIRED_FIELDS.includes(field)) {
      doubts.push(`“${column}” was guessed as the ${FIELD_LABELS[field].toLowerCase()}.`);
      doubtNotes.push({ kind: 'guessed', field, column: column ?? '' });
    } else if (!named) {
      suggestions.push(
        `“${column}” was read as the ${FIELD_LABELS[field].toLowerCase()} from its values.`,
      );
      suggestionNotes.push({ kind: 'from-values', field, column: column ?? '' });
    }
  }

  const namedCategory = mapping.category === null ? -1 : table.columns.indexOf(mapping.category);
  const namedCount = namedCategory === -1 ? 0 : categoryCount(samples(namedCategory));
  if (namedCategory === -1 || namedCount > FEW_CATEGORIES) {
    if (namedCategory !== -1) taken.delete(namedCategory);
    const suggestion = suggestCategoryColumn(table, taken, samples);
    if (suggestion) {
      const name = table.columns[suggestion.column] ?? '';
      const namedName = table.columns[namedCategory] ?? '';
      mapping.category = name;
      suggestions.push(
        namedCategory === -1
          ? `“${name}” was suggested as the category: ${suggestion.count} values, each on many rows.`
          : `“${name}” was suggested as the category: ${suggestion.count} values, each on many rows, where “${namedName}” has at least ${namedCount}, too many to colour apart.`,
      );
      suggestionNotes.push({
        kind: 'category',
        column: name,
        count: suggestion.count,
        ...(namedCategory === -1 ? {} : { over: { column: namedName, count: namedCount } }),
      });
    }
  }

  const evidenceByColumn = columnEvidence(table);
  const evidence = evidenceFor(evidenceByColumn, mapping);
  if (evidence === 'undecided') {
    doubts.push('Every date fits both day/month and month/day order: which is it?');
  } else if (evidence === 'conflicting') {
    doubts.push('The dates mix day/month and month/day order: some rows will be reported.');
  }
  if (evidence === 'undecided' || evidence === 'conflicting')
    doubtNotes.push({ kind: 'day-order', evidence });
  const dayOrder: DayOrder = evidence === 'month-first' ? 'month-first' : 'day-first';
  return {
    mapping,
    dayOrder,
    dayOrderEvidence: evidence,
    evidenceByColumn,
    doubts,
    suggestions,
    doubtNotes,
    suggestionNotes,
  };
}
