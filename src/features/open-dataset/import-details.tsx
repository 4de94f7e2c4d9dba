import { FIELD_LABELS, MAPPED_FIELDS, evidenceFor } from '../../data/import/column-mapping.ts';
import { TWO_DIGIT_YEAR_RULE } from '../../data/import/date-cells.ts';
import { describeMerge } from '../../data/import/category-cells.ts';
import { encodingLabel } from '../../data/import/decode-text.ts';
import type { ImportReport } from '../../data/import/import-types.ts';
import { Disclosure } from '../../lib/disclosure/disclosure.tsx';
import './import-details.css';

const FORMAT_LABELS: Record<ImportReport['format'], string> = {
  'dateline-geojson': 'Dateline GeoJSON',
  geojson: 'GeoJSON (mapped)',
  json: 'JSON (mapped)',
  csv: 'CSV',
};

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
    <Disclosure
      className="import-details"
      buttonClassName="import-details-toggle"
      label="About this file"
      closeOnOutsidePress
    >
      {(region, close) => (
        <div {...region} className="import-details-body">
          <p>
            {FORMAT_LABELS[report.format]}, {encodingLabel(report.encoding)}
            {report.recordsPath ? ` · records at ${report.recordsPath}` : ''}
            {report.dayOrder &&
            report.proposal &&
            report.mapping &&
            evidenceFor(report.proposal.evidenceByColumn, report.mapping) !== 'not-needed'
              ? ` · numeric dates read ${report.dayOrder === 'day-first' ? 'day first' : 'month first'}`
              : ''}
          </p>
          {report.twoDigitYears && <p>Two-digit years: {TWO_DIGIT_YEAR_RULE}.</p>}
          {report.joins.length > 0 && <p>Joined: {report.joins.join('; ')}.</p>}
          {report.repeatedIds > 0 && (
            <p>
              {report.repeatedIds.toLocaleString('en-GB')} rows repeat an id used by an earlier row;
              they were kept, each with an id derived from its content.
            </p>
          )}
          {report.proposal &&
            mapping?.category === report.proposal.mapping.category &&
            report.proposal.suggestions.map((suggestion) => <p key={suggestion}>{suggestion}</p>)}
          {report.categoryMerges.length > 0 && (
            <p>
              Categories that differ only in case or spacing were merged:{' '}
              {report.categoryMerges.map(describeMerge).join('; ')}. The file is unchanged.
            </p>
          )}
          {report.otherRecordGroups.length > 0 && (
            <p>Not imported: the other records at {report.otherRecordGroups.join(', ')}.</p>
          )}
          {mapping && (
            <dl className="import-mapping">
              {MAPPED_FIELDS.filter((field) => mapping[field] !== null).map((field) => (
                <div key={field}>
                  <dt>{FIELD_LABELS[field]}</dt>
                  <dd>{mapping[field]}</dd>
                </div>
              ))}
            </dl>
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
              Change columns…
            </button>
          )}
        </div>
      )}
    </Disclosure>
  );
}
