import { lazy, Suspense, useState } from 'react';
import { showBundledDataset } from '../data/url/explorer-actions.ts';
import type { UrlStateApi } from '../data/url/use-url-state.ts';
import type { LoadedDataset } from './use-dataset.ts';

// Only for readers who bring their own data: loaded when first needed, not with the page.
const MappingDialog = lazy(() =>
  import('../features/open-dataset/mapping-dialog.tsx').then((module) => ({
    default: module.MappingDialog,
  })),
);

/**
 * One column dialog: asked for by the importer (cancel leaves the file), or by the reader to
 * change the columns of a file already open (cancel keeps it as it is).
 */
export function useColumnDialog(loaded: LoadedDataset, url: UrlStateApi) {
  const [changingColumns, setChangingColumns] = useState(false);
  const { outcome, report, sourceKey, confirmChoices } = loaded;
  const request =
    outcome?.kind === 'needs-mapping'
      ? {
          proposal: outcome.proposal,
          current: null,
          onCancel: () => url.apply(showBundledDataset),
        }
      : changingColumns && report?.proposal && report.mapping && report.dayOrder
        ? {
            proposal: report.proposal,
            current: { mapping: report.mapping, dayOrder: report.dayOrder },
            onCancel: () => setChangingColumns(false),
          }
        : null;
  const dialog =
    report && request ? (
      <Suspense fallback={null}>
        <MappingDialog
          key={sourceKey}
          report={report}
          proposal={request.proposal}
          current={request.current}
          onConfirm={(choices) => {
            confirmChoices(choices);
            setChangingColumns(false);
          }}
          onCancel={request.onCancel}
        />
      </Suspense>
    ) : null;
  return {
    dialog,
    changeColumns: report?.proposal ? () => setChangingColumns(true) : null,
  };
}
