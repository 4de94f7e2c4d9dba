import { useEffect, useRef, type RefObject } from 'react';
import type { Virtualizer } from '@tanstack/react-virtual';
import type { FocusHomes } from '../../lib/focus-homes.ts';
import { isTopInView } from './row-visibility.ts';

interface SelectionFocusOptions {
  scrollRef: RefObject<HTMLDivElement | null>;
  virtualizer: Virtualizer<HTMLDivElement, Element>;
  selectedId: string | null;
  selectedRowIndex: number | undefined;
  focusHomes: FocusHomes;
}

function entryLink(list: HTMLElement, id: string | null): HTMLElement | null {
  return id === null
    ? null
    : list.querySelector<HTMLElement>(`[data-event-id="${CSS.escape(id)}"] .entry-link`);
}

/**
 * Keeps the selected entry in view and, when the reader works in the list, the focus on it; offers
 * the list to the page as the place the focus goes back to. Returns the ref that says whether the
 * focus is in the list (the list's focus events keep it).
 */
export function useSelectionFocus({
  scrollRef,
  virtualizer,
  selectedId,
  selectedRowIndex,
  focusHomes,
}: SelectionFocusOptions) {
  // Whether the keyboard focus is in the list, remembered from focus events: by the time the
  // selection changes, the focused element (in the old entry's details) may already be gone.
  const focusInListRef = useRef(false);
  const previousSelectionRef = useRef<string | null>(selectedId);
  const mountedRef = useRef(false);
  /** The latest selection's focus placement; an older one's frames leave the focus to it. */
  const placementRef = useRef(0);
  /** True from a selection until its focus is placed: the page's focus rescue waits for it. */
  const placingRef = useRef(false);

  useEffect(
    function offerFocusHome() {
      const focusFirst = (selectors: string[]) => {
        const list = scrollRef.current;
        const target = selectors
          .map((selector) => list?.querySelector<HTMLElement>(selector))
          .find((element) => element);
        target?.focus({ preventScroll: true });
        return Boolean(target);
      };
      return focusHomes.offer('chronology', {
        focus: () => focusFirst(['[aria-current="true"] .entry-link', '.entry-link[tabindex="0"]']),
        placing: () => placingRef.current,
        focusItem: (id) => {
          const link = scrollRef.current ? entryLink(scrollRef.current, id) : null;
          link?.focus({ preventScroll: true });
          return Boolean(link);
        },
      });
    },
    [focusHomes, scrollRef],
  );

  useEffect(
    function scrollSelectionIntoView() {
      const previous = previousSelectionRef.current;
      const firstRun = !mountedRef.current;
      mountedRef.current = true;
      previousSelectionRef.current = selectedId;
      // On the first render the row heights are only estimates, so "already in view" cannot be
      // trusted: a page opened on an event always brings its entry to the top.
      if (
        selectedRowIndex !== undefined &&
        (firstRun || !isTopInView(virtualizer, selectedRowIndex))
      ) {
        virtualizer.scrollToIndex(selectedRowIndex, { align: 'start' });
      }
      // When the reader is moving through the list with the keyboard, focus follows the selection;
      // when the selection is cleared, it stays on the entry that was selected.
      const focusId = selectedId ?? previous;
      const list = scrollRef.current;
      // A page opened on an event (a shared link) puts the focus on its entry, so a screen reader
      // announces the event the reader came for.
      const landing = firstRun && selectedId !== null;
      if (!list || !(focusInListRef.current || landing) || focusId === null) return;
      // The details the focus was in may be gone already: the page's focus rescue waits for
      // these two frames rather than racing them.
      placingRef.current = true;
      placementRef.current += 1;
      const placement = placementRef.current;
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          // A quicker selection after this one (a held arrow key) places the focus last.
          if (placement !== placementRef.current) return;
          placingRef.current = false;
          // A related event chosen from the details may be hidden by the filters: its entry is not
          // in the list, and the focus went with the old details. It stays on the entry it came
          // from (or the list's tab stop), never dropped on <body>.
          const focusLost =
            document.activeElement === null || document.activeElement === document.body;
          const target =
            entryLink(list, focusId) ??
            (focusLost
              ? (entryLink(list, previous) ??
                list.querySelector<HTMLElement>('.entry-link[tabindex="0"]'))
              : null);
          target?.focus({ preventScroll: true });
        }),
      );
    },
    // Only a new selection scrolls: re-running on every change of rows (a pan with "Only events in
    // map view") would pull the list back while the reader is looking elsewhere.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- see above
    [selectedId],
  );

  return focusInListRef;
}
