import { lazy, Suspense } from 'react';
import type { PublishedDataset, Reading } from '../../data/export/site-config.ts';
import type { DatasetMetadata } from '../../data/model/schema.ts';
import { Disclosure } from '../../lib/disclosure/disclosure.tsx';
import './publish.css';

// Loaded when first opened: few readers publish.
const PublishPanel = lazy(() =>
  import('./publish-panel.tsx').then((module) => ({ default: module.PublishPanel })),
);

export interface PublishMenuProps {
  dataset: PublishedDataset;
  metadata: Pick<DatasetMetadata, 'title' | 'description'>;
  /** How the file was read, for its column choices; null for the bundled dataset. */
  report: Reading | null;
}

/** Publish…: how to turn the dataset that is open into a site of its own. */
export function PublishMenu(props: PublishMenuProps) {
  return (
    <Disclosure
      className="publish-menu"
      buttonClassName="button"
      label="Publish…"
      closeOnOutsidePress
    >
      {(region) => (
        <section {...region} className="publish-panel" aria-label="Publish">
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
