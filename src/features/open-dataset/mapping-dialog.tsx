import { useEffect, useId, useRef, useState } from 'react';
import {
  MAPPED_FIELDS,
  REQUIRED_FIELDS,
  type ColumnMapping,
  type MappedField,
  type MappingProposal,
  evidenceFor,
} from '../../data/import/column-mapping.ts';
import type { DayOrder, DayOrderEvidence } from '../../data/import/date-cells.ts';
import type { ImportChoices, ImportReport } from '../../data/import/import-types.ts';
import { i18n } from '../../lib/i18n/i18n.ts';
import { fieldLabel, mappingNoteText, twoDigitYearsText } from './import-text.ts';
import { previewRows } from './mapping-preview.ts';
import './mapping-dialog.css';

export interface MappingDialogProps {
  /** How the file was read: its name, columns, first rows and whether it has two-digit years. */
  report: Pick<ImportReport, 'fileName' | 'columns' | 'preview' | 'twoDigitYears'>;
  proposal: MappingProposal;
  /** The choices in force, when the reader reopens the dialog after importing. */
  current: ImportChoices | null;
  onConfirm: (choices: ImportChoices) => void;
  onCancel: () => void;
}

function dayOrders(): { order: DayOrder; label: string }[] {
  return [
    { order: 'day-first', label: i18n._('Day first (3 April 2020)') },
    { order: 'month-first', label: i18n._('Month first (4 March 2020)') },
  ];
}

/** What the dates of the columns chosen say of their order (nothing when it does not matter). */
function evidenceNote(evidence: DayOrderEvidence): string {
  switch (evidence) {
    case 'not-needed':
      return '';
    case 'day-first':
      return i18n._('Some dates have a first number over 12, so the day comes first.');
    case 'month-first':
      return i18n._('Some dates have a second number over 12, so the month comes first.');
    case 'undecided':
      return i18n._('Every date in the file fits both orders. Which does it use?');
    case 'conflicting':
      return i18n._(
        'The file mixes both orders. Rows that do not fit the order chosen are listed in Data issues.',
      );
  }
}

/**
 * The importer's guess of which column holds what, for the reader to confirm or change, with the
 * first rows shown as they would read. A native modal dialog: focus stays inside, Escape cancels.
 */
export function MappingDialog({
  report: { fileName, columns, preview, twoDigitYears },
  proposal,
  current,
  onConfirm,
  onCancel,
}: MappingDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [mapping, setMapping] = useState<ColumnMapping>(current?.mapping ?? proposal.mapping);
  const [dayOrder, setDayOrder] = useState<DayOrder>(current?.dayOrder ?? proposal.dayOrder);
  const missing = REQUIRED_FIELDS.filter((field) => mapping[field] === null);
  // The question follows the columns chosen, not the importer's first guess.
  const evidence = evidenceFor(proposal.evidenceByColumn, mapping);

  useEffect(function openAsModal() {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    return function closeModal() {
      dialog?.close();
    };
  }, []);

  const setField = (field: MappedField, column: string) =>
    setMapping((previous) => ({ ...previous, [field]: column === '' ? null : column }));
  const rows = previewRows(columns, preview.slice(0, 3), mapping, dayOrder);

  return (
    <dialog
      ref={dialogRef}
      className="mapping-dialog"
      aria-labelledby={titleId}
      onCancel={(cancelEvent) => {
        cancelEvent.preventDefault();
        onCancel();
      }}
    >
      <form
        method="dialog"
        onSubmit={(submitEvent) => {
          submitEvent.preventDefault();
          if (missing.length === 0) onConfirm({ mapping, dayOrder });
        }}
      >
        <h2 id={titleId}>{i18n._('Check the columns of {fileName}', { fileName })}</h2>
        {proposal.doubtNotes.length > 0 && !current && (
          <ul className="mapping-doubts">
            {proposal.doubtNotes.map((doubt, index) => (
              <li key={index}>{mappingNoteText(doubt)}</li>
            ))}
          </ul>
        )}
        <div className="mapping-fields">
          {MAPPED_FIELDS.map((field) => (
            <label key={field} className="mapping-field">
              <span>
                {REQUIRED_FIELDS.includes(field)
                  ? i18n._('{field} (required)', { field: fieldLabel(field) })
                  : fieldLabel(field)}
              </span>
              <select
                value={mapping[field] ?? ''}
                onChange={(changeEvent) => setField(field, changeEvent.target.value)}
              >
                <option value="">{i18n._('— not chosen —')}</option>
                {columns.map((column) => (
                  <option key={column} value={column}>
                    {column}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </div>
        {evidence !== 'not-needed' && (
          <fieldset className="mapping-day-order">
            <legend>{i18n._('Dates like 03/04/2020')}</legend>
            <p className="mapping-note">{evidenceNote(evidence)}</p>
            {dayOrders().map(({ order, label }) => (
              <label key={order}>
                <input
                  type="radio"
                  name="day-order"
                  checked={dayOrder === order}
                  onChange={() => setDayOrder(order)}
                />
                {label}
              </label>
            ))}
          </fieldset>
        )}
        {twoDigitYears && <p className="mapping-note">{twoDigitYearsText()}</p>}
        <table className="mapping-preview">
          <caption>{i18n._('The first rows as they will read')}</caption>
          <thead>
            <tr>
              <th scope="col">{fieldLabel('date')}</th>
              <th scope="col">{fieldLabel('title')}</th>
              <th scope="col">{i18n._('Position')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => (
              <tr key={index}>
                <td>{row.date}</td>
                <td>{row.title}</td>
                <td>{row.position}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {missing.length > 0 && (
          <p className="mapping-missing" role="alert">
            {i18n._('Choose a column for: {fields}.', {
              fields: missing.map(fieldLabel).join(', '),
            })}
          </p>
        )}
        <div className="mapping-actions">
          <button type="button" className="button" onClick={onCancel}>
            {i18n._('Cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={missing.length > 0}>
            {i18n._('Import')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
