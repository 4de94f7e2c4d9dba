import { lazy, Suspense } from 'react';
import { Disclosure } from '../../lib/disclosure/disclosure.tsx';
import { i18n } from '../../lib/i18n/i18n.ts';
import type { PublishMenuProps } from './publish-props.ts';
import './publish.css';

// Loaded when first opened: few readers publish.
const PublishPanel = lazy(() =>
  import('./publish-panel.tsx').then((module) => ({ default: module.PublishPanel })),
);

/** Publish…: how to turn the dataset that is open into a site of its own. */
export function PublishMenu(props: PublishMenuProps) {
  return (
    <Disclosure
      className="publish-menu popover-anchor"
      buttonClassName="button"
      label={i18n._('Publish…')}
      closeOnOutsidePress
    >
      {(region) => (
        <section {...region} className="publish-panel popover" aria-label={i18n._('Publish')}>
          {!region.hidden && (
            <Suspense fallback={null}>
              <PublishPanel {...props} />
            </Suspense>
          )}
        </section>
      )}
    </Disclosure>
  );
}
