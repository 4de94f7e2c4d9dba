/**
 * Where the list of a cluster's events at one spot (spot-event-list.tsx) opens: in a popup on the
 * map, placed and sized here from the map's height, or, on a map too short for one, in a sheet
 * over the page (spot-sheet.tsx).
 */
/** Pixels of the popup around its list: heading, place, "Show more", margins and the tip. */
const POPUP_CHROME_HEIGHT = 150;
/** One event's row: the least a list shows. */
const LIST_MIN_HEIGHT = 60;
const LIST_MAX_HEIGHT = 360;
/**
 * Below this the map is a phone's strip (or a short embed's): a popup in it would show one or two
 * events at a time, so the list opens in a sheet instead.
 */
const SHORT_MAP = 400;
/** Clear of the zoom buttons and the layers button at the map's top corners. */
const BELOW_TOP_CONTROLS = 64;
const EDGE = 24;

/** Whether a map `mapHeight` pixels tall lists a spot's events in a sheet rather than a popup. */
export function isShortMap(mapHeight: number): boolean {
  return mapHeight < SHORT_MAP;
}

/**
 * Where a list's popup sits in a map `mapHeight` pixels tall, and how tall its list may be: the
 * popup pans into view clear of the map's buttons and fits between the margins with its marker
 * still on the map (a data server's cluster pushed out of the view would be dropped with its
 * popup). `reserve`: pixels the popup needs besides, such as a failed question's notice.
 */
export function spotPopupLayout(mapHeight: number, reserve = 0) {
  return {
    className: 'same-place-popup',
    autoPanPaddingTopLeft: [EDGE, BELOW_TOP_CONTROLS] as [number, number],
    autoPanPaddingBottomRight: [EDGE, EDGE] as [number, number],
    listHeight: Math.max(
      LIST_MIN_HEIGHT,
      Math.min(
        LIST_MAX_HEIGHT,
        mapHeight - POPUP_CHROME_HEIGHT - reserve - BELOW_TOP_CONTROLS - EDGE,
      ),
    ),
  };
}

/** The options of a list's Leaflet popup: its class and its margins (spotPopupLayout). */
export function spotPopupPlacement(mapHeight: number) {
  const { className, autoPanPaddingTopLeft, autoPanPaddingBottomRight } =
    spotPopupLayout(mapHeight);
  return { className, autoPanPaddingTopLeft, autoPanPaddingBottomRight };
}
