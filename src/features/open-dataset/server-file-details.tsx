import { MAPPED_FIELDS } from '../../data/import/column-mapping.ts';
import type { QueryServer } from '../../data/server-view/descriptor.ts';
import { AboutFilePopover } from './about-file-popover.tsx';
import { i18n } from '../../lib/i18n/i18n.ts';
import { ColumnList } from './column-list.tsx';

/**
 * About this file over a data server: what its descriptor says of the file (docs/server.md) —
 * how many records it holds and how many are shown, and the file's own metadata — in the same
 * popover as for a file read in the page (import-details.tsx), with the columns its table was read
 * by, and whether anyone chose them. The file's format and encoding are the server's to know.
 */
export function ServerFileDetails({ server }: { server: QueryServer }) {
  const { metadata, recordCount, eventCount, columns } = server;
  const fieldsRead = columns
    ? MAPPED_FIELDS.flatMap((field) => {
        // Only the fields this page knows, by their own names: the answer is untrusted.
        const column = Object.hasOwn(columns.fields, field) ? columns.fields[field] : undefined;
        return column === undefined
          ? []
          : [{ field, column, guessed: columns.guessed.includes(field) }];
      })
    : [];
  // The file's own words, each shown as text: a server's answer is as untrusted as a file.
  const fields = [
    [i18n._('Description'), metadata.description],
    [i18n._('Source'), metadata.source],
    [i18n._('Licence'), metadata.license],
    [i18n._('Updated'), metadata.updated],
  ].filter(([, value]) => value !== '');
  return (
    <AboutFilePopover>
      {() => (
        <>
          <p>
            {i18n._(
              'The file stays on the data server, which answers for each view: this page never loads every event.',
            )}
          </p>
          <p>
            {i18n._('{records} in the file, {events} shown.', {
              records: i18n._('{count, plural, one {# record} other {# records}}', {
                count: recordCount,
              }),
              events: i18n._('{count, plural, one {# event} other {# events}}', {
                count: eventCount,
              }),
            })}
          </p>
          {columns?.proposed && (
            <p>
              {i18n._(
                'The server’s importer was unsure of some columns, and no dateline.config.json chose them: it read the file with its own proposal, below. A guessed column may not hold what its field says.',
              )}
            </p>
          )}
          <ColumnList columns={fieldsRead} />
          {fields.length > 0 && (
            <dl className="import-mapping dataset-metadata">
              {fields.map(([label, value]) => (
                <div key={label}>
                  <dt>{label}</dt>
                  <dd dir="auto">{value}</dd>
                </div>
              ))}
            </dl>
          )}
        </>
      )}
    </AboutFilePopover>
  );
}
