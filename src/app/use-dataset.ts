import { useCallback, useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { datasetQueryOptions, datasetSourceFrom } from '../data/loading/dataset-query.ts';
import { LOCAL_PREFIX, localFiles, openLocalFiles } from '../data/loading/local-files.ts';
import type { ImportChoices, ImportProgress } from '../data/import/import-types.ts';
import { openDataset } from '../data/url/explorer-actions.ts';
import type { UrlStateApi } from '../data/url/use-url-state.ts';
import type { Store } from '../lib/store/store.ts';
import { useDeferredWhen } from '../lib/use-deferred-when.ts';

/**
 * The dataset the URL names, loaded: where it comes from, the query, the reader's column choices
 * for a file that needed them, and the opening of files from the picker or a drop.
 */
export function useDataset(url: UrlStateApi, progress: Store<ImportProgress | null>) {
  const { params } = url.state;
  const source = useMemo(() => datasetSourceFrom(params), [params]);
  // Column choices belong to one opening of one file: a new file under the same name is asked anew.
  const sourceKey = `${JSON.stringify(source)}#${source.kind === 'local' ? (localFiles(source.name)?.generation ?? 0) : 0}`;
  const [confirmed, setConfirmed] = useState<{ key: string; choices: ImportChoices } | null>(null);
  const choices = confirmed?.key === sourceKey ? confirmed.choices : null;
  const confirmChoices = useCallback(
    (chosen: ImportChoices) => setConfirmed({ key: sourceKey, choices: chosen }),
    [sourceKey],
  );

  const query = useQuery(datasetQueryOptions(source, choices, progress.set));
  // A dataset's first render (every index, the list, the map) is React's to split into short
  // tasks: as a deferred value it renders in the background, a component at a time, where the
  // query's own update would do it all in one long task. Until it lands the page shows its
  // loading state ('nothing': no outcome at all until then). An older value from another source,
  // as after Back from one dataset to another, is never shown with this URL: the page would
  // apply this link's filters and selection to the wrong events.
  const liveOutcome = query.data;
  const liveFromSource = useMemo(
    () => ({ sourceKey, outcome: liveOutcome }),
    [sourceKey, liveOutcome],
  );
  const rendered = useDeferredWhen(liveOutcome?.kind === 'dataset', liveFromSource, 'nothing');
  const outcome = rendered?.sourceKey === sourceKey ? rendered.outcome : undefined;

  // The query key reads the opened files' generation: a render must follow each opening even
  // when the URL stays the same.
  const [, setOpenings] = useState(0);
  const reopening = source.kind === 'local' ? source.name : null;
  const { apply } = url;
  /** A new dataset gets a fresh view; the same file opened again keeps it (see openDataset). */
  const openFiles = useCallback(
    (files: File[]) => {
      const name = openLocalFiles(files);
      setOpenings((count) => count + 1);
      apply(openDataset, [['data', `${LOCAL_PREFIX}${name}`]], name === reopening);
    },
    [reopening, apply],
  );

  return {
    source,
    sourceKey,
    query,
    outcome,
    /** The query has an answer the page has not drawn yet. */
    rendering: outcome !== liveOutcome,
    dataset: outcome?.kind === 'dataset' ? outcome.dataset : undefined,
    /** A data server's descriptor: the page asks it for each view (server-explorer.tsx). */
    server: outcome?.kind === 'query-server' ? outcome.server : undefined,
    report: outcome?.report ?? null,
    needsMapping: outcome?.kind === 'needs-mapping',
    confirmChoices,
    openFiles,
  };
}

export type LoadedDataset = ReturnType<typeof useDataset>;
