import { MAPPED_FIELDS, evidenceFor } from '../../data/import/column-mapping.ts';
import { encodingLabel } from '../../data/import/decode-text.ts';
import type { ImportReport } from '../../data/import/import-types.ts';
import { AboutFilePopover } from './about-file-popover.tsx';
import { ColumnList } from './column-list.tsx';
import { i18n } from '../../lib/i18n/i18n.ts';
import { formatLabel, mappingNoteText, mergeText, twoDigitYearsText } from './import-text.ts';

export interface ImportDetailsProps {
  report: ImportReport;
  onChangeColumns: (() => void) | null;
}

/**
 * How the file was read — format, encoding, which column became what — for the reader to check. A
 * popover over the page: Escape or a press elsewhere closes it.
 */
export function ImportDetails({ report, onChangeColumns }: ImportDetailsProps) {
  const { mapping } = report;
  return (
    <AboutFilePopover>
      {(close) => (
        <>
          <p>
            {formatLabel(report.format)}, {encodingLabel(report.encoding)}
            {report.recordsPath
              ? ` · ${i18n._('records at {path}', { path: report.recordsPath })}`
              : ''}
            {report.dayOrder &&
            report.proposal &&
            report.mapping &&
            evidenceFor(report.proposal.evidenceByColumn, report.mapping) !== 'not-needed'
              ? ` · ${report.dayOrder === 'day-first' ? i18n._('numeric dates read day first') : i18n._('numeric dates read month first')}`
              : ''}
          </p>
          {report.twoDigitYears && <p>{twoDigitYearsText()}</p>}
          {report.joins.length > 0 && (
            <p>{i18n._('Joined: {joins}.', { joins: report.joins.join('; ') })}</p>
          )}
          {report.repeatedIds > 0 && (
            <p>
              {i18n._(
                'Rows that repeat an id used by an earlier row: {count}. They were kept, each with an id derived from its content.',
                { count: report.repeatedIds.toLocaleString(i18n.locale) },
              )}
            </p>
          )}
          {report.proposal &&
            mapping?.category === report.proposal.mapping.category &&
            report.proposal.suggestionNotes.map((suggestion, index) => (
              <p key={index}>{mappingNoteText(suggestion)}</p>
            ))}
          {report.categoryMerges.length > 0 && (
            <p>
              {i18n._(
                'Categories that differ only in case or spacing were merged: {merges}. The file is unchanged.',
                { merges: report.categoryMerges.map(mergeText).join('; ') },
              )}
            </p>
          )}
          {report.otherRecordGroups.length > 0 && (
            <p>
              {i18n._('Not imported: the other records at {groups}.', {
                groups: report.otherRecordGroups.join(', '),
              })}
            </p>
          )}
          {mapping && (
            <ColumnList
              columns={MAPPED_FIELDS.flatMap((field) => {
                const column = mapping[field];
                return column === null ? [] : [{ field, column }];
              })}
            />
          )}
          {onChangeColumns && (
            <button
              type="button"
              className="button"
              onClick={() => {
                close();
                onChangeColumns();
              }}
            >
              {i18n._('Change columns…')}
            </button>
          )}
        </>
      )}
    </AboutFilePopover>
  );
}
