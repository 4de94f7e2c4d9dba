import { lazy, Suspense, useEffect, useSyncExternalStore } from 'react';
import { Timeline } from '../features/timeline/timeline.tsx';
import type { TimelineEdges } from '../features/timeline/outside-bulk.tsx';
import type { ImportProgress } from '../data/import/import-types.ts';
import type { CalendarDay } from '../data/model/calendar-day.ts';
import type { DateBulk } from '../data/query/date-bulk.ts';
import { setDateRange, setPlayback } from '../data/url/explorer-actions.ts';
import { i18n } from '../lib/i18n/i18n.ts';
import type { UrlStateApi } from '../data/url/use-url-state.ts';
import { useFirstScreenDrawn } from '../lib/after-mark.ts';
import type { Store } from '../lib/store/store.ts';
import { LoadProgress } from './load-progress.tsx';
import { playing } from './playing.ts';
import type { LoadedDataset } from './use-dataset.ts';
import { useTimelineBins } from './use-explorer-data.ts';
import type { ExplorerView } from './use-explorer-view.ts';

export interface TimelinePanelProps {
  url: UrlStateApi;
  loaded: LoadedDataset;
  view: ExplorerView;
  progress: Store<ImportProgress | null>;
}

// A dataset with stray dates (data/query/date-bulk.ts) gets an axis the reader can stretch to
// them; the bundled dataset has none, so that part loads only when needed.
const StrayAxis = lazy(() =>
  import('./stray-axis.ts').then((module) => ({ default: module.StrayAxis })),
);

// Play and its settings arrive once the first screen is drawn: no reader plays before seeing the
// map, and the first load's budget has no room for them (docs/performance.md).
const PlaySlot = lazy(() =>
  import('../features/playback/play-slot.tsx').then((module) => ({ default: module.PlaySlot })),
);

/** The timeline, or while the data loads, its space saying how far the load has got. */
export function TimelinePanel({ url, loaded, view, progress }: TimelinePanelProps) {
  const { dataset } = loaded;
  const { extent, bulk } = view.data;
  if (!dataset) {
    if (loaded.query.isError) return null;
    // On a phone the chronology is below the map, out of sight, so the progress cannot live there.
    return (
      <section className="timeline timeline-placeholder" aria-label={i18n._('Timeline')}>
        {!loaded.needsMapping && <LoadProgress store={progress} />}
      </section>
    );
  }
  if (!extent || !bulk) return null;
  const props = { url, view, extent, bulk };
  if (bulk.earlier + bulk.later === 0) return <DatasetTimeline {...props} axis={extent} />;
  return (
    <Suspense
      fallback={
        <section className="timeline timeline-placeholder" aria-label={i18n._('Timeline')} />
      }
    >
      <StrayAxis {...props} dataset={dataset} from={url.state.from} to={url.state.to}>
        {(axis, edges) => <DatasetTimeline {...props} axis={axis} edges={edges} />}
      </StrayAxis>
    </Suspense>
  );
}

interface DatasetTimelineProps {
  url: UrlStateApi;
  view: ExplorerView;
  extent: { first: CalendarDay; last: CalendarDay };
  bulk: DateBulk;
  /** The days the axis spans: all the data's, or the bulk's and the sides the reader opened. */
  axis: { first: CalendarDay; last: CalendarDay };
  edges?: TimelineEdges;
}

function DatasetTimeline({ url, view, extent, bulk, axis, edges }: DatasetTimelineProps) {
  const bins = useTimelineBins(view.data.index, view.data.textMatches, axis.first, axis.last);
  // Here, not in the playback controls: Space anywhere in the timeline plays and pauses too, and
  // the map and the list read it (playing.ts). On a phone the timeline is in the filters sheet,
  // and closing the sheet (a press) pauses anyway.
  const isPlaying = useSyncExternalStore(playing.subscribe, playing.get);
  const setPlaying = playing.set;
  // A timeline that goes (another dataset, the sheet closed, a window grown wider) stops playing.
  useEffect(() => () => playing.set(false), []);
  const drawn = useFirstScreenDrawn();
  const onRangeChange = (range: { from: CalendarDay | null; to: CalendarDay | null }) =>
    url.apply(setDateRange, range);
  return (
    <Timeline
      {...bins}
      extent={extent}
      bulk={bulk}
      edges={edges}
      years={view.data.years}
      from={url.state.from}
      to={url.state.to}
      selectedEvent={view.selectedEvent}
      onRangeChange={onRangeChange}
      onTogglePlay={() => setPlaying(!isPlaying)}
      play={
        drawn && (
          <Suspense fallback={null}>
            <PlaySlot
              playing={isPlaying}
              onPlayingChange={setPlaying}
              state={url.state}
              extent={extent}
              shown={view.listedEvents.length}
              onFrame={onRangeChange}
              onSettingsChange={(play) => url.apply(setPlayback, play)}
            />
          </Suspense>
        )
      }
    />
  );
}
