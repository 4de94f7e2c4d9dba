/**
 * The popup that lists a cluster's events at one spot (spot-event-list.tsx): where it sits in the
 * map and how tall its list may be, from the map's height alone.
 */
/** Pixels of the popup around its list: heading, place, "Show more", margins and the tip. */
const POPUP_CHROME_HEIGHT = 150;
/** One event's row: the least a list shows, on a phone's short map. */
const LIST_MIN_HEIGHT = 60;
const LIST_MAX_HEIGHT = 360;
/** Below this the map is a phone's strip (or a short embed's), and the list takes all of it. */
const SHORT_MAP = 400;
/** Clear of the zoom buttons and the layers button at the map's top corners. */
const BELOW_TOP_CONTROLS = 64;
const EDGE = 24;
const SHORT_MAP_EDGE = 8;

/**
 * Where a list's popup sits in a map `mapHeight` pixels tall, and how tall its list may be: the
 * popup pans into view clear of the map's buttons and fits between the margins with its marker
 * still on the map (a data server's cluster pushed out of the view would be dropped with its
 * popup). On a short map the buttons and legend step back while it is open
 * (`.fills-short-map`, map.css) and the margins narrow. `reserve`: pixels the popup needs
 * besides, such as a failed question's notice.
 */
export function spotPopupLayout(mapHeight: number, reserve = 0) {
  const short = mapHeight < SHORT_MAP;
  const top = short ? SHORT_MAP_EDGE : BELOW_TOP_CONTROLS;
  const edge = short ? SHORT_MAP_EDGE : EDGE;
  return {
    className: short ? 'same-place-popup fills-short-map' : 'same-place-popup',
    autoPanPaddingTopLeft: [edge, top] as [number, number],
    autoPanPaddingBottomRight: [edge, edge] as [number, number],
    listHeight: Math.max(
      LIST_MIN_HEIGHT,
      Math.min(LIST_MAX_HEIGHT, mapHeight - POPUP_CHROME_HEIGHT - reserve - top - edge),
    ),
  };
}

/** The options of a list's Leaflet popup: its class and its margins (spotPopupLayout). */
export function spotPopupPlacement(mapHeight: number) {
  const { className, autoPanPaddingTopLeft, autoPanPaddingBottomRight } =
    spotPopupLayout(mapHeight);
  return { className, autoPanPaddingTopLeft, autoPanPaddingBottomRight };
}
