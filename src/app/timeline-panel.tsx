import { useState } from 'react';
import { Timeline } from '../features/timeline/timeline.tsx';
import type { ImportProgress } from '../data/import/import-types.ts';
import type { Dataset } from '../data/model/schema.ts';
import { axisSpan, type AxisSides, type DateBulk } from '../data/query/date-bulk.ts';
import { setDateRange } from '../data/url/explorer-actions.ts';
import type { UrlStateApi } from '../data/url/use-url-state.ts';
import type { Store } from '../lib/store/store.ts';
import { LoadProgress } from './load-progress.tsx';
import type { LoadedDataset } from './use-dataset.ts';
import { useTimelineBins } from './use-explorer-data.ts';
import type { ExplorerView } from './use-explorer-view.ts';

export interface TimelinePanelProps {
  url: UrlStateApi;
  loaded: LoadedDataset;
  view: ExplorerView;
  progress: Store<ImportProgress | null>;
}

/** The timeline, or while the data loads, its space saying how far the load has got. */
export function TimelinePanel({ url, loaded, view, progress }: TimelinePanelProps) {
  const { dataset } = loaded;
  const { extent, bulk } = view.data;
  if (!dataset) {
    if (loaded.query.isError) return null;
    // On a phone the chronology is below the map, out of sight, so the progress cannot live there.
    return (
      <section className="timeline timeline-placeholder" aria-label="Timeline">
        {!loaded.needsMapping && <LoadProgress store={progress} />}
      </section>
    );
  }
  if (!extent || !bulk) return null;
  return <DatasetTimeline url={url} dataset={dataset} view={view} extent={extent} bulk={bulk} />;
}

const CLOSED: AxisSides = { earlier: false, later: false };

interface DatasetTimelineProps {
  url: UrlStateApi;
  dataset: Dataset;
  view: ExplorerView;
  extent: { first: number; last: number };
  bulk: DateBulk;
}

/**
 * The axis fits the bulk of the dates; the reader may stretch it to the events beyond either end.
 * That choice is not worth a link: it is kept here, for this dataset only.
 */
function DatasetTimeline({ url, dataset, view, extent, bulk }: DatasetTimelineProps) {
  const { from, to } = url.state;
  const [opened, setOpened] = useState({ dataset, ...CLOSED });
  const sides = opened.dataset === dataset ? opened : CLOSED;
  const axis = axisSpan(extent, bulk, sides, { from, to });
  const { bins, allWeights, matchWeights } = useTimelineBins(
    dataset.events,
    view.data.textMatches,
    axis.first,
    axis.last,
  );
  // "Fit to most events" where the reader stretched the axis and no date range holds it there.
  const fit =
    sides.later && !axis.needed.later
      ? 'later'
      : sides.earlier && !axis.needed.earlier
        ? 'earlier'
        : null;
  return (
    <Timeline
      bins={bins}
      extent={extent}
      bulk={bulk}
      edges={{
        earlier: axis.first > extent.first ? bulk.earlier : 0,
        later: axis.last < extent.last ? bulk.later : 0,
        fit,
        onStretch: (side) => setOpened({ ...sides, dataset, [side]: true }),
        onFit: () => setOpened({ dataset, ...CLOSED }),
      }}
      allWeights={allWeights}
      matchWeights={matchWeights}
      years={view.data.years}
      from={from}
      to={to}
      selectedEvent={view.selectedEvent}
      onRangeChange={(range) => url.apply(setDateRange, range)}
    />
  );
}
