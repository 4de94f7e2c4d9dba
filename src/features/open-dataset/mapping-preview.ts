/** How the first rows would read with a mapping: shown in the column dialog before importing. */
import { formatEventDate } from '../../data/model/date-label.ts';
import { parseEdtf } from '../../data/model/edtf.ts';
import type { ColumnMapping, MappedField } from '../../data/import/column-mapping.ts';
import { parseCoordinate } from '../../data/import/coordinate-cell.ts';
import { parseDateCell, type DayOrder } from '../../data/import/date-cells.ts';

export interface PreviewRow {
  date: string;
  title: string;
  position: string;
}

/** Said for a field the reader has not picked a column for: the cell is not empty, it is unread. */
const NOT_CHOSEN = 'not chosen';

export function previewRows(
  columns: readonly string[],
  rows: readonly string[][],
  mapping: ColumnMapping,
  dayOrder: DayOrder,
): PreviewRow[] {
  const cell = (row: readonly string[], field: MappedField) => {
    const name = mapping[field];
    const index = name === null ? -1 : columns.indexOf(name);
    return index === -1 ? '' : (row[index] ?? '').trim();
  };
  const chosen = (field: MappedField) => mapping[field] !== null;
  return rows.map((row) => {
    const parsedDate = parseDateCell(cell(row, 'date'), dayOrder);
    const edtf = parsedDate.ok ? parseEdtf(parsedDate.edtf) : null;
    const latitude = parseCoordinate(cell(row, 'latitude'));
    const longitude = parseCoordinate(cell(row, 'longitude'));
    return {
      date: !chosen('date')
        ? NOT_CHOSEN
        : edtf?.ok
          ? formatEventDate(edtf.date)
          : `not read: ${cell(row, 'date') || 'empty'}`,
      title: chosen('title') ? cell(row, 'title') || '—' : NOT_CHOSEN,
      position:
        !chosen('latitude') || !chosen('longitude')
          ? NOT_CHOSEN
          : latitude === null || longitude === null
            ? 'no coordinates'
            : `${latitude.toFixed(3)}, ${longitude.toFixed(3)}`,
    };
  });
}
