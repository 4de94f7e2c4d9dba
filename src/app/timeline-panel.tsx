import { Timeline } from '../features/timeline/timeline.tsx';
import type { ImportProgress } from '../data/import/import-types.ts';
import { setDateRange } from '../data/url/explorer-actions.ts';
import type { UrlStateApi } from '../data/url/use-url-state.ts';
import type { Store } from '../lib/store/store.ts';
import { LoadProgress } from './load-progress.tsx';
import type { LoadedDataset } from './use-dataset.ts';
import type { ExplorerView } from './use-explorer-view.ts';

export interface TimelinePanelProps {
  url: UrlStateApi;
  loaded: LoadedDataset;
  view: ExplorerView;
  progress: Store<ImportProgress | null>;
}

/** The timeline, or while the data loads, its space saying how far the load has got. */
export function TimelinePanel({ url, loaded, view, progress }: TimelinePanelProps) {
  const { data, selectedEvent } = view;
  if (!loaded.dataset) {
    if (loaded.query.isError) return null;
    // On a phone the chronology is below the map, out of sight, so the progress cannot live there.
    return (
      <section className="timeline timeline-placeholder" aria-label="Timeline">
        {!loaded.needsMapping && <LoadProgress store={progress} />}
      </section>
    );
  }
  if (!data.bins || !data.extent) return null;
  return (
    <Timeline
      bins={data.bins}
      extent={data.extent}
      allWeights={data.allWeights}
      matchWeights={data.matchWeights}
      years={data.years}
      from={url.state.from}
      to={url.state.to}
      selectedEvent={selectedEvent}
      onRangeChange={(range) => url.apply(setDateRange, range)}
    />
  );
}
