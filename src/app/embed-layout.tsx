import { useRef, type ReactNode } from 'react';
import { EmbedBar } from '../features/embed/embed-bar.tsx';
import { EmbedCard } from '../features/embed/embed-card.tsx';
import { useEmbedMessages } from '../features/embed/use-embed-messages.ts';
import '../features/embed/embed.css';
import type { DatasetEvent } from '../data/model/schema.ts';
import { loadErrorText } from '../data/loading/load-error-text.ts';
import type { UrlStateApi } from '../data/url/use-url-state.ts';
import { i18n } from '../lib/i18n/i18n.ts';
import { StatusLine } from './status-line.tsx';
import type { LoadedDataset } from './use-dataset.ts';
import type { ExplorerView } from './use-explorer-view.ts';
import './embed-layout.css';

export interface EmbedLayoutProps {
  url: UrlStateApi;
  loaded: LoadedDataset;
  view: ExplorerView;
  selectedEvent: DatasetEvent | null;
  /** The same view in the full app: Open in Dateline. */
  fullViewHref: string;
  /** Selects an event, or clears the selection with null (a message from the parent, the card's close). */
  onSelect: (id: string | null) => void;
  /** The URL's notices and the "not found" notice, as the full view shows them. */
  notices: ReactNode;
  /** A story's card (story-mode.tsx), shown where the selected event's card is otherwise. */
  story?: ReactNode;
  map: ReactNode;
  timeline: ReactNode;
  list: ReactNode;
}

/**
 * The reader view for iframes (`?embed=1`, docs/embedding.md): reading only, in reading order:
 * the title bar, the selected event, the map, the timeline and the list. Loaded only for an embed,
 * so the full view's first load does not carry it.
 */
export function EmbedLayout({
  url,
  loaded,
  view,
  selectedEvent,
  fullViewHref,
  onSelect,
  notices,
  story,
  map,
  timeline,
  list,
}: EmbedLayoutProps) {
  const { dataset, query } = loaded;
  const root = useRef<HTMLDivElement>(null);
  useEmbedMessages(root, url.state.selectedId, onSelect);

  return (
    <div className="app app--embed" ref={root}>
      <EmbedBar title={dataset?.metadata.title ?? null} fullViewHref={fullViewHref} />
      {notices}
      <main className="embed-main" id="main">
        {query.isError ? (
          <p className="embed-message" role="alert">
            {i18n._(
              'The events could not be loaded: {reason} Try again later, or open this view in Dateline.',
              { reason: loadErrorText(query.error) },
            )}
          </p>
        ) : loaded.needsMapping ? (
          <p className="embed-message" role="alert">
            {i18n._(
              'This file’s columns have to be checked before its events can be shown: open it in Dateline.',
            )}
          </p>
        ) : (
          <>
            {story ??
              (selectedEvent && (
                <EmbedCard
                  event={selectedEvent}
                  originalLanguage={dataset?.metadata.language}
                  onClose={() => onSelect(null)}
                />
              ))}
            {map}
            {timeline}
            <div className="embed-list">
              <StatusLine
                loading={query.isPending || loaded.rendering}
                failed={false}
                shown={view.listedEvents.length}
                total={dataset?.events.length ?? 0}
                range={view.shownRange}
              />
              {list}
            </div>
          </>
        )}
      </main>
    </div>
  );
}
