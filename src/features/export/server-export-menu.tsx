import { Disclosure } from '../../lib/disclosure/disclosure.tsx';
import { i18n } from '../../lib/i18n/i18n.ts';
import './export.css';

export interface ServerExportMenuProps {
  /** The filtered events in each format, streamed by the data server (`/api/export`). */
  urls: { geojson: string; csv: string };
  /** Events passing the filter; null while the count is on its way. */
  count: number | null;
}

/**
 * Export for a data server's events: the server writes the file, a page of events at a time, as
 * the explorer's own Export would (docs/server.md), and the browser downloads it as it streams;
 * no event passes through the page, whatever their number.
 */
export function ServerExportMenu({ urls, count }: ServerExportMenuProps) {
  return (
    <Disclosure
      className="export-menu popover-anchor"
      buttonClassName="button"
      label={i18n._('Export')}
      closeOnOutsidePress
    >
      {(region, close) => (
        <div {...region} className="export-menu-panel popover">
          <p className="export-menu-note">
            {count === null
              ? i18n._('The events shown, with their sources.')
              : i18n._('The {events} shown, with their sources.', {
                  events: i18n._('{count, plural, one {# event} other {# events}}', { count }),
                })}
          </p>
          {(
            [
              ['GeoJSON', urls.geojson],
              ['CSV', urls.csv],
            ] as const
          ).map(([label, href]) =>
            count === 0 ? (
              <button key={label} type="button" className="button" disabled>
                {label}
              </button>
            ) : (
              // The server names the file (Content-Disposition); `download` keeps the page open.
              <a key={label} className="button" href={href} download onClick={close}>
                {label}
              </a>
            ),
          )}
        </div>
      )}
    </Disclosure>
  );
}
