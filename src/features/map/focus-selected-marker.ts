/** How long the chosen event's marker may take to appear (the map flies to it first). */
const WAIT_FOR_MARKER_MS = 2500;

/**
 * Hands the keyboard focus from a same-place list to the marker of the event chosen in it.
 *
 * The list's button goes away with its popup as soon as the event is selected, and the selected
 * marker is drawn only once the map has moved to it, sometimes many frames later. Meanwhile the
 * focus waits on the map itself (not on <body>, where the page's focus rescue would send it to the
 * chronology), and it moves to the marker only if it is still there: a reader who has gone on to
 * another control in the meantime keeps the focus where they put it.
 */
export function focusSelectedMarkerWhenDrawn(mapContainer: HTMLElement, markerName: string): void {
  mapContainer.focus({ preventScroll: true });
  const startedAt = performance.now();
  const look = () => {
    if (document.activeElement !== mapContainer) return;
    // By name, so that the previous selection's marker, still drawn for a frame, is not taken.
    const marker = mapContainer.querySelector<HTMLElement>('.event-marker[aria-current="true"]');
    if (marker?.getAttribute('aria-label') === markerName) {
      marker.focus({ preventScroll: true });
      return;
    }
    if (performance.now() - startedAt < WAIT_FOR_MARKER_MS) requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
}
