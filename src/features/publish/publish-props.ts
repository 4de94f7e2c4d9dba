import type { PublishedDataset, Reading } from '../../data/export/site-config.ts';
import type { DatasetMetadata } from '../../data/model/schema.ts';

/** What Publish… shows: in a file of its own, so that the lazily loaded panel shares it without a cycle. */
export interface PublishMenuProps {
  dataset: PublishedDataset;
  metadata: Pick<DatasetMetadata, 'title' | 'description'>;
  /** How the file was read, for its column choices; null for the bundled dataset. */
  report: Reading | null;
}
