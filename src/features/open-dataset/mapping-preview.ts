/** How the first rows would read with a mapping: shown in the column dialog before importing. */
import { formatEventDate } from '../../data/model/date-label.ts';
import { parseEdtf } from '../../data/model/edtf.ts';
import type { ColumnMapping, MappedField } from '../../data/import/column-mapping.ts';
import { parseCoordinate } from '../../data/import/coordinate-cell.ts';
import { parseDateCell, type DayOrder } from '../../data/import/date-cells.ts';
import { i18n } from '../../lib/i18n/i18n.ts';

export interface PreviewRow {
  date: string;
  title: string;
  position: string;
}

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
  // Said for a field the reader has not picked a column for: the cell is not empty, it is unread.
  const notChosen = i18n._('not chosen');
  return rows.map((row) => {
    const dateCell = cell(row, 'date');
    const parsedDate = parseDateCell(dateCell, dayOrder);
    const edtf = parsedDate.ok ? parseEdtf(parsedDate.edtf) : null;
    const latitude = parseCoordinate(cell(row, 'latitude'));
    const longitude = parseCoordinate(cell(row, 'longitude'));
    return {
      date: !chosen('date')
        ? notChosen
        : edtf?.ok
          ? formatEventDate(edtf.date)
          : dateCell
            ? i18n._('not read: {cell}', { cell: dateCell })
            : i18n._('not read: empty'),
      title: chosen('title') ? cell(row, 'title') || '—' : notChosen,
      position:
        !chosen('latitude') || !chosen('longitude')
          ? notChosen
          : latitude === null || longitude === null
            ? i18n._('no coordinates')
            : `${latitude.toFixed(3)}, ${longitude.toFixed(3)}`,
    };
  });
}
