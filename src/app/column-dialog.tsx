import { MappingDialog } from '../features/open-dataset/mapping-dialog.tsx';
import { showBundledDataset } from '../data/url/explorer-actions.ts';
import type { UrlStateApi } from '../data/url/use-url-state.ts';
import type { LoadedDataset } from './use-dataset.ts';

export interface ColumnDialogProps {
  loaded: LoadedDataset;
  url: UrlStateApi;
  /** The reader asked to change the columns of the file already open. */
  changing: boolean;
  onClose: () => void;
}

/**
 * One column dialog: asked for by the importer (cancel leaves the file), or by the reader to
 * change the columns of a file already open (cancel keeps it as it is). Only for readers who
 * bring their own data, so loaded when first needed, not with the page.
 */
export function ColumnDialog({ loaded, url, changing, onClose }: ColumnDialogProps) {
  const { outcome, report, sourceKey, confirmChoices } = loaded;
  const request =
    outcome?.kind === 'needs-mapping'
      ? { proposal: outcome.proposal, current: null, onCancel: () => url.apply(showBundledDataset) }
      : changing && report?.proposal && report.mapping && report.dayOrder
        ? {
            proposal: report.proposal,
            current: { mapping: report.mapping, dayOrder: report.dayOrder },
            onCancel: onClose,
          }
        : null;
  if (!report || !request) return null;
  return (
    <MappingDialog
      key={sourceKey}
      report={report}
      proposal={request.proposal}
      current={request.current}
      onConfirm={(choices) => {
        confirmChoices(choices);
        onClose();
      }}
      onCancel={request.onCancel}
    />
  );
}
