import type { MappedField } from '../../data/import/column-mapping.ts';
import { i18n } from '../../lib/i18n/i18n.ts';
import { fieldLabel } from './import-text.ts';

export interface ColumnRead {
  field: MappedField;
  column: string;
  /** The importer took this column on a guess (a data server's, server-file-details.tsx). */
  guessed?: boolean;
}

/** Each field and the column it was read from, as About this file lists them. */
export function ColumnList({ columns }: { columns: readonly ColumnRead[] }) {
  if (columns.length === 0) return null;
  return (
    <dl className="import-mapping">
      {columns.map(({ field, column, guessed }) => (
        <div key={field}>
          <dt>{fieldLabel(field)}</dt>
          <dd>
            <span dir="auto">{column}</span>
            {guessed && <span className="import-guessed"> {i18n._('(guessed)')}</span>}
          </dd>
        </div>
      ))}
    </dl>
  );
}
