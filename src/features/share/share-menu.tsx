import { lazy, Suspense } from 'react';
import { Disclosure } from '../../lib/disclosure/disclosure.tsx';
import { i18n } from '../../lib/i18n/i18n.ts';
import type { SharePanelProps } from './share-panel.tsx';
import './share.css';

// Loaded when first opened: the panel, its snippet and its preview are not part of the first load.
const SharePanel = lazy(() =>
  import('./share-panel.tsx').then((module) => ({ default: module.SharePanel })),
);

/** Share: a link to the view as it is, or the HTML to embed it in an article. */
export function ShareMenu(props: SharePanelProps) {
  const { onAddToStory } = props;
  return (
    <Disclosure
      className="share-menu popover-anchor"
      buttonClassName="button"
      label={i18n._('Share')}
      closeOnOutsidePress
    >
      {(region, close) => (
        <section {...region} className="share-panel popover" aria-label={i18n._('Share this view')}>
          {!region.hidden && (
            <Suspense fallback={null}>
              <SharePanel
                {...props}
                onAddToStory={
                  onAddToStory &&
                  (() => {
                    // The editor takes the focus to the new step; the menu has done its part.
                    close();
                    onAddToStory();
                  })
                }
              />
            </Suspense>
          )}
        </section>
      )}
    </Disclosure>
  );
}
