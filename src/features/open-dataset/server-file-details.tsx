import type { QueryServer } from '../../data/server-view/descriptor.ts';
import { AboutFilePopover } from './about-file-popover.tsx';
import { i18n } from '../../lib/i18n/i18n.ts';

/**
 * About this file over a data server: what its descriptor says of the file (docs/server.md) —
 * how many records it holds and how many are shown, and the file's own metadata — in the same
 * popover as for a file read in the page (import-details.tsx). How the file was read (format,
 * encoding, columns) is the server's to know; the descriptor does not carry it.
 */
export function ServerFileDetails({ server }: { server: QueryServer }) {
  const { metadata, recordCount, eventCount } = server;
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
