import { useId, useMemo, useRef, useState, type ReactNode, type RefObject } from 'react';
import { createPortal } from 'react-dom';
import type * as L from 'leaflet';
import { useMap, useMapEvents } from 'react-leaflet';
import { i18n } from '../../lib/i18n/i18n.ts';
import { useModalDialog } from '../../lib/sheet/use-modal-dialog.ts';
import '../../lib/sheet/bottom-sheet.css';
import { focusSelectedMarkerWhenDrawn } from './focus-selected-marker.ts';
import { isShortMap } from './spot-popup-layout.ts';

/** Whether the map is too short for a spot's list in a popup (isShortMap), as it is sized now. */
function useShortMap(): boolean {
  const map = useMap();
  const [short, setShort] = useState(() => isShortMap(map.getSize().y));
  useMapEvents({ resize: () => setShort(isShortMap(map.getSize().y)) });
  return short;
}

/**
 * A cluster's list in a sheet (SpotSheet) on a short map, in a popup otherwise: whether the map is
 * short, whether the sheet is open, and where the focus goes once it closes.
 */
export function useSpotSheet(markerRef: RefObject<L.Marker | null>) {
  const map = useMap();
  const short = useShortMap();
  const [open, setOpen] = useState(false);
  // A sheet left open when the map grows out of it (a phone turned) does not come back, unasked,
  // when the map is short again.
  if (!short && open) setOpen(false);
  /** The marker name of the event chosen in the list, whose marker takes the focus. */
  const chosen = useRef<string | null>(null);
  // The same functions at every render: the marker's event handlers are made from them.
  const actions = useMemo(
    () => ({
      show: () => {
        chosen.current = null;
        setOpen(true);
      },
      close: () => setOpen(false),
      choose: (markerName: string) => {
        chosen.current = markerName;
        setOpen(false);
      },
      afterClose: () => {
        if (chosen.current !== null)
          focusSelectedMarkerWhenDrawn(map.getContainer(), chosen.current);
        else markerRef.current?.getElement()?.focus();
      },
    }),
    [map, markerRef],
  );
  return { short, open, ...actions };
}

export interface SpotSheetProps {
  /** "150 events at the same place": the sheet's heading and name. */
  heading: ReactNode;
  /** Called by Close, Escape and a press on the backdrop; the sheet is gone once it returns. */
  onClose: () => void;
  /**
   * Run once it has closed, when the page is no longer inert: the focus goes back to the cluster,
   * or on to the marker of the event chosen.
   */
  afterClose: () => void;
  /** The list (spot-event-list.tsx, `inSheet`). */
  children: ReactNode;
}

/**
 * A spot's list on a short map (a phone's strip, a short embed): a sheet from the bottom of the
 * page, as the phone's Filters sheet, where a popup in the map would show one event at a time.
 * A native modal dialog, so the page behind is inert and the focus stays inside; put in the
 * page's body, out of the map, whose keys and presses it must not reach. Mounted only while open.
 */
export function SpotSheet({ heading, onClose, afterClose, children }: SpotSheetProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  useModalDialog(dialogRef, { closed: afterClose });
  return createPortal(
    <dialog
      ref={dialogRef}
      className="bottom-sheet spot-sheet"
      aria-labelledby={headingId}
      onCancel={(cancelEvent) => {
        // Closed by React's state, not by the browser: the sheet unmounts.
        cancelEvent.preventDefault();
        onClose();
      }}
      onKeyDown={(keyEvent) => {
        if (keyEvent.key === 'Escape') {
          keyEvent.preventDefault();
          onClose();
        }
        // The page's own keys (j and k, the arrows, "/", Escape) are for the page behind, which
        // is inert: they must not change its selection while the sheet is open.
        keyEvent.stopPropagation();
      }}
      onClick={(clickEvent) => {
        // A press on the backdrop lands on the dialog itself, outside its box.
        if (clickEvent.target === dialogRef.current) onClose();
      }}
    >
      <div className="bottom-sheet-header">
        <h2 id={headingId}>{heading}</h2>
        <button type="button" className="button" onClick={onClose}>
          {i18n._('Close')}
        </button>
      </div>
      <div className="bottom-sheet-body spot-sheet-body">{children}</div>
    </dialog>,
    document.body,
  );
}
