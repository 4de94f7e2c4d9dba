/**
 * A dataset's columns chosen in its `dateline.config.json` (docs/publishing.md) rather than in the
 * browser's Check the columns dialog: the site build and the data server read a file with no one
 * to ask, so the config's choices are laid over the importer's proposal here, for both.
 */
import {
  FIELD_LABELS,
  MAPPED_FIELDS,
  REQUIRED_FIELDS,
  type ColumnMapping,
  type MappedField,
  type MappingProposal,
} from './column-mapping.ts';
import type { DayOrder } from './date-cells.ts';
import type { ImportChoices, ImportOutcome } from './import-types.ts';

export interface ColumnSettings {
  /** A field's column by name; null says the file has no column for it. */
  columns?: Partial<Record<MappedField, string | null>>;
  dayOrder?: DayOrder;
  /**
   * The file these settings were read from, as whoever ran the command named it (`--config
   * other.json`), for the messages; not a key of the file itself.
   */
  configName?: string;
}

/** The settings name a column the file lacks, or leave a required field without one. */
export class ColumnSettingsError extends Error {}

export interface SettledChoices {
  /** What to import the file again with; null when the importer's own reading stands. */
  choices: ImportChoices | null;
  /** Said once to whoever runs the command, like "the importer's proposal was used". */
  notes: string[];
}

/** The settings' columns over the importer's proposal: a field set to null has none. */
function chosenMapping(proposal: ColumnMapping, columns: ColumnSettings['columns']): ColumnMapping {
  const mapping = { ...proposal };
  for (const field of MAPPED_FIELDS) {
    const column = columns?.[field];
    if (column !== undefined) mapping[field] = column;
  }
  return mapping;
}

const quotedList = (columns: readonly string[]) =>
  columns.map((column) => `"${column}"`).join(', ');

/**
 * How to read `fileName` after a first import with no choices (`outcome`): with the settings'
 * columns and day order, or, where the importer was unsure and nothing was set, with its own
 * proposal (said in a note). The messages name the settings' file (`configName`).
 */
export function settledChoices(
  outcome: ImportOutcome,
  settings: ColumnSettings,
  fileName: string,
): SettledChoices {
  // The site build and the data server always name it (site-config-read.ts); else its usual name.
  const configName = settings.configName ?? 'dateline.config.json';
  const { proposal, columns, mapping: readWith } = outcome.report;
  if (outcome.kind === 'needs-mapping' || (settings.columns && readWith)) {
    if (!proposal) throw new ColumnSettingsError(`${fileName}: the importer proposed no columns.`);
    const unknown = Object.entries(settings.columns ?? {}).filter(
      ([, column]) => column !== null && !columns.includes(column),
    );
    if (unknown.length > 0) {
      throw new ColumnSettingsError(
        `${configName}: ${unknown.map(([field, column]) => `columns.${field} is "${column}"`).join(', ')}, but ${fileName} has no such column. Its columns: ${quotedList(columns)}.`,
      );
    }
    const mapping = chosenMapping(proposal.mapping, settings.columns);
    const missing = REQUIRED_FIELDS.filter((field) => mapping[field] === null);
    if (missing.length > 0) {
      throw new ColumnSettingsError(
        `${fileName}: the importer cannot tell which column holds the ${missing.map((field) => FIELD_LABELS[field].toLowerCase()).join(', ')}. Set ${missing.map((field) => `"columns": { "${field}": "<column>" }`).join(', ')} in ${configName} (docs/publishing.md). Its columns: ${quotedList(columns)}.`,
      );
    }
    const notes =
      outcome.kind === 'needs-mapping'
        ? proposalNote(proposal, mapping, settings, fileName, configName)
        : [];
    return { choices: { mapping, dayOrder: settings.dayOrder ?? proposal.dayOrder }, notes };
  }
  if (settings.dayOrder && readWith && proposal) {
    return { choices: { mapping: readWith, dayOrder: settings.dayOrder }, notes: [] };
  }
  return { choices: null, notes: [] };
}

/**
 * Said when the importer's own reading is used for want of settings: what it was unsure of that
 * the settings leave open (the columns, unless they set "columns"; the day order, unless they set
 * "dayOrder"), what it took, and which key would choose otherwise. Nothing left open, nothing said.
 */
function proposalNote(
  proposal: MappingProposal,
  mapping: ColumnMapping,
  settings: ColumnSettings,
  fileName: string,
  configName: string,
): string[] {
  const isDayOrder = (index: number) => proposal.doubtNotes[index]?.kind === 'day-order';
  // doubts and doubtNotes are written side by side (columns.ts): the note says which a doubt is.
  if (proposal.doubtNotes.length !== proposal.doubts.length) return [];
  const columnDoubts = settings.columns ? [] : proposal.doubts.filter((_, i) => !isDayOrder(i));
  const dayDoubts = settings.dayOrder ? [] : proposal.doubts.filter((_, i) => isDayOrder(i));
  const dates = `dates ${proposal.dayOrder}`;
  if (columnDoubts.length === 0) {
    return dayDoubts.length === 0
      ? []
      : [
          `${fileName}: the importer was unsure of the day order (${dayDoubts.join(' ')}); it read the ${dates}. Set "dayOrder" in ${configName} to choose otherwise.`,
        ];
  }
  const taken = MAPPED_FIELDS.filter((field) => mapping[field] !== null)
    .map((field) => `${field} ← "${mapping[field]}"`)
    .join(', ');
  const days = dayDoubts.length > 0;
  return [
    `${fileName}: the importer was unsure of some columns${days ? ' and the day order' : ''} (${[...columnDoubts, ...dayDoubts].join(' ')}); its proposal was used: ${taken}${days ? `, ${dates}` : ''}. Set "columns"${days ? ' or "dayOrder"' : ''} in ${configName} to choose otherwise.`,
  ];
}
