/** What the page does around the explorer: its title, the offline notice and support, a mark. */
import { useEffect } from 'react';
import type { DatasetEvent, DatasetMetadata } from '../data/model/schema.ts';
import { eventText } from '../data/model/translations.ts';
import { registerOfflineSupport } from '../features/offline/register-offline.ts';
import { i18n } from '../lib/i18n/i18n.ts';

/** The document title begins with the selected event's title (docs/contracts.md §3). */
export function useDocumentTitle(
  selectedEvent: DatasetEvent | null,
  metadata: Pick<DatasetMetadata, 'title' | 'language'> | undefined,
): void {
  const datasetTitle = metadata?.title;
  const originalLanguage = metadata?.language;
  useEffect(
    function titleTheDocument() {
      document.title = selectedEvent
        ? `${eventText(selectedEvent, i18n.locale, originalLanguage).title} — Dateline`
        : datasetTitle
          ? `${datasetTitle} — Dateline`
          : i18n._('Dateline — where and when it happened');
    },
    [selectedEvent, datasetTitle, originalLanguage],
  );
}

/** Offline, the dataset is the copy the service worker kept: say so, and how old it is. */
export function useOfflineNotice(
  offlineCopy: string | null,
  addNotice: (notice: string) => void,
): void {
  useEffect(
    function sayWhenOffline() {
      if (offlineCopy === null) return;
      const saved = new Date(offlineCopy);
      addNotice(
        Number.isNaN(saved.getTime())
          ? i18n._(
              'You are offline: these are the events saved earlier. They may have changed since; reload when you are back online.',
            )
          : i18n._(
              'You are offline: these are the events saved on {date}. They may have changed since; reload when you are back online.',
              {
                date: saved.toLocaleDateString(i18n.locale, {
                  day: 'numeric',
                  month: 'short',
                  year: 'numeric',
                  timeZone: 'UTC',
                }),
              },
            ),
      );
    },
    [offlineCopy, addNotice],
  );
}

/**
 * After this visit the app and the datasets it opened work offline (features/offline), set up
 * once the first dataset has loaded or failed: storing the app's files never competes with it.
 */
export function useOfflineSupport(firstLoadSettled: boolean): void {
  useEffect(
    function offerOfflineUseOnceSettled() {
      if (firstLoadSettled) registerOfflineSupport();
    },
    [firstLoadSettled],
  );
}

/**
 * Marks the frame that paints a dataset's list and markers, for the bench (npm run bench): a
 * Dataset, or a data server's descriptor once its first count has come.
 */
export function useFirstRenderMark(dataset: object | undefined): void {
  useEffect(
    function markFirstRender() {
      if (!dataset) return;
      // After this commit's effects, the next frame paints the list and the markers.
      const frame = requestAnimationFrame(() => performance.mark('dateline:first-render'));
      return () => cancelAnimationFrame(frame);
    },
    [dataset],
  );
}
