import type { ReactNode } from 'react';
import { Disclosure } from '../../lib/disclosure/disclosure.tsx';
import { i18n } from '../../lib/i18n/i18n.ts';
import './import-details.css';

/**
 * The "About this file" popover, whatever holds the file (the page, or a data server): its
 * button, and a body that Escape or a press elsewhere closes. `children` gets `close` for a
 * control inside that leaves the popover.
 */
export function AboutFilePopover({ children }: { children: (close: () => void) => ReactNode }) {
  return (
    <Disclosure
      className="import-details"
      buttonClassName="import-details-toggle"
      label={i18n._('About this file')}
      closeOnOutsidePress
    >
      {(region, close) => (
        <div {...region} className="import-details-body">
          {children(close)}
        </div>
      )}
    </Disclosure>
  );
}
