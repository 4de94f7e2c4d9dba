import { useEffect, useRef, type ReactNode, type RefObject } from 'react';
import { useMap } from 'react-leaflet';
import type { DatasetEvent } from '../../data/model/schema.ts';
import { formatEventDate } from '../../data/model/date-label.ts';
import { i18n } from '../../lib/i18n/i18n.ts';
import type { MapLinks } from './map-links.ts';
import { spotPopupLayout } from './spot-popup-layout.ts';

export interface SpotEventListProps {
  /** The events listed so far, in the chronology's order. */
  events: readonly DatasetEvent[];
  /** How many events the cluster holds: more than `events` while the rest are still to be asked. */
  count: number;
  /** All at one spot ("at the same place"), or only too close for the map to split. */
  oneSpot: boolean;
  links: MapLinks;
  onClose: () => void;
  onChosen: (event: DatasetEvent) => void;
  /** Under the list: a data server's "Show more", its loading state or its error. */
  footer?: ReactNode;
  /**
   * The event that takes the focus once listed: the first, or the first of those "Show more"
   * added (its button goes away, and the focus must not fall out of the popup).
   */
  focusIndex?: number;
  /** Pixels the footer needs besides "Show more": the list is shorter by as much. */
  reserve?: number;
  /**
   * In a sheet over a short map (spot-sheet.tsx), which has the heading, scrolls and closes
   * itself; else in the cluster's popup.
   */
  inSheet?: boolean;
}

/** "150 events at the same place", or "3 events close together" when they only look so. */
export function spotHeading(count: number, oneSpot: boolean): string {
  const values = {
    events: i18n._('{count, plural, one {# event} other {# events}}', { count }),
  };
  return oneSpot
    ? i18n._('{events} at the same place', values)
    : i18n._('{events} close together', values);
}

/**
 * The events of a cluster zooming in cannot split (several events at Sinpo), in a cluster's
 * popup or sheet: each a button that selects it. Escape, or a press outside the map, closes it.
 */
export function SpotEventList({
  events,
  count,
  oneSpot,
  links,
  onClose,
  onChosen,
  footer,
  focusIndex = 0,
  reserve = 0,
  inSheet = false,
}: SpotEventListProps) {
  const place = events[0]?.place;
  const mapHeight = useMap().getSize().y;
  const groupRef = useRef<HTMLDivElement>(null);
  // A sheet is outside the map: a press in it is not a press away from the list.
  useCloseOnPressOutsideMap(groupRef, onClose, !inSheet);
  // The popup fits in the map with its heading, its "Show more" and its tip: the list scrolls.
  // A sheet scrolls as a whole.
  const listHeight = inSheet ? undefined : spotPopupLayout(mapHeight, reserve).listHeight;
  const heading = spotHeading(count, oneSpot);
  const focusListed = events.length > focusIndex;
  const { highlight } = links;
  /** The event under the pointer, which the list highlights in the chronology. */
  const hovered = useRef<string | null>(null);
  useEffect(
    function unhighlightOnClosing() {
      // A list that goes while the pointer is over one of its events (chosen, or closed by a key)
      // gets no mouseleave: that event's highlight would stay on in the chronology.
      return () => {
        if (hovered.current !== null && highlight.get() === hovered.current) highlight.set(null);
      };
    },
    [highlight],
  );
  useEffect(
    function focusListedEvent() {
      if (!focusListed) return;
      const focus = () => {
        const buttons = groupRef.current?.querySelectorAll<HTMLButtonElement>('.same-place-button');
        buttons?.[focusIndex]?.focus();
      };
      // Those "Show more" added: at once, before the page takes the focus for lost.
      if (focusIndex > 0) {
        focus();
        return;
      }
      // Keyboard users land on the first event of the list; Leaflet places the popup's content
      // in the page just after it opens, hence the frame's wait.
      const frame = requestAnimationFrame(focus);
      return () => cancelAnimationFrame(frame);
    },
    [focusListed, focusIndex],
  );
  return (
    <div
      ref={groupRef}
      role="group"
      aria-label={heading}
      onKeyDown={(keyEvent) => {
        if (keyEvent.key !== 'Escape') return;
        keyEvent.preventDefault();
        keyEvent.stopPropagation();
        onClose();
      }}
    >
      {!inSheet && <p className="same-place-heading">{heading}</p>}
      {place && oneSpot && (
        <p className="same-place-place" dir="auto">
          {place}
        </p>
      )}
      <ul className="same-place-list" style={{ maxHeight: listHeight }}>
        {events.map((event) => (
          <li key={event.id}>
            <button
              type="button"
              className="same-place-button"
              onClick={() => {
                // The focus moves to the map before the button goes away with its popup.
                onChosen(event);
                links.select(event.id);
              }}
              onMouseEnter={() => {
                hovered.current = event.id;
                highlight.set(event.id);
              }}
              onMouseLeave={() => {
                hovered.current = null;
                highlight.set(null);
              }}
            >
              <span className="same-place-date">{formatEventDate(event.date)}</span>
              <span className="same-place-title" dir="auto">
                {links.titleOf(event)}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {footer}
    </div>
  );
}

/**
 * Leaflet closes a popup on a click in the map; a press anywhere else on the page (the list, the
 * header) closes it too, like every other popover. The focus goes back to the cluster when it was
 * in the popup and the press lands on nothing that takes it.
 */
function useCloseOnPressOutsideMap(
  groupRef: RefObject<HTMLElement | null>,
  onClose: () => void,
  enabled: boolean,
): void {
  const map = useMap();
  const close = useRef(onClose);
  useEffect(() => {
    close.current = onClose;
  });
  useEffect(
    function listenForPressesOutsideTheMap() {
      if (!enabled) return;
      const container = map.getContainer();
      function onPointerDown(pointerEvent: PointerEvent) {
        if (container.contains(pointerEvent.target as Node)) return;
        const focusWasInside = groupRef.current?.contains(document.activeElement) ?? false;
        map.closePopup();
        if (!focusWasInside) return;
        setTimeout(() => {
          const focused = document.activeElement;
          if (focused === null || focused === document.body) close.current();
        }, 0);
      }
      document.addEventListener('pointerdown', onPointerDown, true);
      return () => document.removeEventListener('pointerdown', onPointerDown, true);
    },
    [map, groupRef, enabled],
  );
}
