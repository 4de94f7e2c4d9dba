/**
 * The map's place names: a canvas of its own in the basemap pane, above the land's outline, so
 * names are placed again without drawing the land again. Loaded after the map's first drawing
 * (basemap-layer.tsx), in its own chunk with its data: the first load does not wait for it.
 *
 * Names are placed again whenever what they must avoid changes: after every move and zoom, when
 * the map is resized, when the theme changes, when a file of names arrives, and whenever the
 * markers change (React draws them again after each move, so a placement made before they
 * update must be redone). A MutationObserver on the marker pane sees the markers change; all of
 * these come together into one placement per animation frame. While the map zooms the names are
 * hidden: they would not scale with it, and the zoom's end places them again.
 *
 * The canvas is hidden from screen readers (the names are decoration for sighted readers; the
 * events carry their places as text). For tests it lists what it drew: `data-labels` (the names,
 * joined by "|"), `data-label-boxes` (each name's box in the map's pixels, [left, top, right,
 * bottom]) and `data-label-dots` (each dot's box, or null where a marker hides the dot).
 */
import type { Map as LeafletMap } from 'leaflet';
import { i18n } from '../../lib/i18n/i18n.ts';
import { PLACE_NAMES_SHOWN } from './fit-events.tsx';
import { placeLabels, type Box, type Obstacle, type PlacedLabel } from './label-placement.ts';
import {
  nameCandidates,
  type LabelStyle,
  type NameCandidate,
  type ViewWindow,
} from './place-name-candidates.ts';
import type { PlaceName } from './place-names-data.ts';
import { namesArrived } from './place-names-store.ts';
import { applyTextStyle, drawLabels, LABEL_INKS } from './place-names-drawing.ts';

const ATTRIBUTION_SOURCE =
  '<a href="https://www.geonames.org/">GeoNames</a> ' +
  '(<a href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</a>)';

/** Land colours in both themes: the names' halo (basemap-layer.tsx). */
export type LandColours = Record<'light' | 'dark', { land: string }>;

/** Names in view as the map last showed them: tests read these (see the top of this file). */
function listing(placed: readonly PlacedLabel<NameCandidate>[]) {
  const rounded = (box: Box) =>
    [box.left, box.top, box.right, box.bottom].map((value) => Math.round(value * 10) / 10);
  return {
    labels: placed.map(({ candidate }) => candidate.name.text).join('|'),
    labelBoxes: JSON.stringify(placed.map(({ text }) => rounded(text))),
    labelDots: JSON.stringify(placed.map(({ dot }) => (dot ? rounded(dot) : null))),
  };
}

class PlaceNames {
  private readonly canvas = document.createElement('canvas');
  private readonly context: CanvasRenderingContext2D | null;
  private readonly observer: MutationObserver;
  /** The legend, the fit button and the summary bar: names move when they open, close or come. */
  private readonly overMap = new ResizeObserver(() => this.schedule());
  private readonly besideMap = new MutationObserver(() => this.watchBesideMap());
  private readonly darkTheme = window.matchMedia('(prefers-color-scheme: dark)');
  private readonly fontFamily: string;
  private readonly widths = new Map<string, number>();
  /** In the reader's language, kept as added: removing it takes the same text. */
  private readonly attribution = i18n._('Places: {source}', { source: ATTRIBUTION_SOURCE });
  private frame = 0;
  private zooming = false;
  private disposed = false;

  constructor(
    private readonly map: LeafletMap,
    pane: HTMLElement,
    private readonly land: LandColours,
  ) {
    this.canvas.className = 'place-names';
    this.canvas.setAttribute('aria-hidden', 'true');
    // Above the outline's canvas, whichever the pane holds first (Leaflet gives canvases 100).
    this.canvas.style.zIndex = '101';
    this.context = this.canvas.getContext('2d');
    this.fontFamily = getComputedStyle(map.getContainer()).fontFamily || 'sans-serif';
    pane.appendChild(this.canvas);
    map.attributionControl?.addAttribution(this.attribution);
    map.on('zoomstart zoom', this.hide);
    map.on('moveend resize', this.afterMove);
    this.darkTheme.addEventListener('change', this.schedule);
    // Markers added or removed (a filter, a move): names are placed at once, not in the next
    // frame, so the map settles in the frame that paints the markers (the observer's callback
    // runs after React has finished the whole update). A marker's own style changing (its
    // z-index on hover) waits for the next frame, once however many change.
    this.observer = new MutationObserver((records) => {
      if (records.some((record) => record.type === 'childList')) this.placeNow();
      else this.schedule();
    });
    const markers = map.getPane('markerPane');
    if (markers) {
      this.observer.observe(markers, {
        childList: true,
        subtree: true,
        attributes: true,
        attributeFilter: ['style'],
      });
    }
    this.watchBesideMap();
    this.schedule();
    // A view of one event waits for this to choose how far out it shows (fit-events.tsx).
    map.fire(PLACE_NAMES_SHOWN);
  }

  /** Watches the size of every element laid over the map beside its container. */
  private watchBesideMap(): void {
    const container = this.map.getContainer();
    const parent = container.parentElement;
    if (!parent) return;
    this.overMap.disconnect();
    for (const element of parent.children) if (element !== container) this.overMap.observe(element);
    this.besideMap.observe(parent, { childList: true });
    this.schedule();
  }

  dispose(): void {
    this.disposed = true;
    cancelAnimationFrame(this.frame);
    this.observer.disconnect();
    this.overMap.disconnect();
    this.besideMap.disconnect();
    this.darkTheme.removeEventListener('change', this.schedule);
    this.map.off('zoomstart zoom', this.hide);
    this.map.off('moveend resize', this.afterMove);
    this.map.attributionControl?.removeAttribution(this.attribution);
    this.canvas.remove();
  }

  private readonly hide = () => {
    this.zooming = true;
    this.restyle({ visibility: 'hidden' });
    this.relist(listing([]));
  };

  private readonly afterMove = () => {
    this.zooming = false;
    this.schedule();
  };

  private readonly placeNow = () => {
    if (this.disposed) return;
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.update();
  };

  /** One placement per frame, however many changes asked for it. */
  private readonly schedule = () => {
    if (this.frame !== 0 || this.disposed) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.update();
    });
  };

  private viewWindow(): ViewWindow {
    const map = this.map;
    const zoom = map.getZoom();
    const size = map.getSize();
    const topLeft = map.containerPointToLayerPoint([0, 0]);
    const origin = map.getPixelOrigin();
    return {
      zoom,
      scale: map.options.crs?.scale(zoom) ?? 256 * 2 ** zoom,
      left: origin.x + topLeft.x,
      top: origin.y + topLeft.y,
      width: size.x,
      height: size.y,
    };
  }

  /** The names of the files this view needs that have arrived; the others are asked for. */
  private namesFor(view: ViewWindow): PlaceName[] {
    const bounds = {
      left: view.left / view.scale,
      top: view.top / view.scale,
      right: (view.left + view.width) / view.scale,
      bottom: (view.top + view.height) / view.scale,
    };
    return namesArrived(view.zoom, bounds, this.schedule);
  }

  private readonly measure = (text: string, style: LabelStyle): number => {
    const key = `${style.font}|${style.letterSpacing}|${text}`;
    let width = this.widths.get(key);
    if (width === undefined && this.context) {
      applyTextStyle(this.context, style, this.fontFamily);
      width = this.context.measureText(text).width;
      this.widths.set(key, width);
    }
    return width ?? 0;
  };

  /** Markers, clusters and the map's controls, in the map's pixels: names keep off them. */
  private obstacles(): Obstacle[] {
    const container = this.map.getContainer();
    const origin = container.getBoundingClientRect();
    const markers = [...(this.map.getPane('markerPane')?.children ?? [])];
    const controls = [
      ...container.querySelectorAll('.leaflet-control'),
      // The legend, the fit button and the summary bar lie over the map beside its container.
      ...[...(container.parentElement?.children ?? [])].filter((element) => element !== container),
    ];
    const boxes: Obstacle[] = [];
    const inMap = (rect: DOMRect): Box => ({
      left: rect.left - origin.left,
      top: rect.top - origin.top,
      right: rect.right - origin.left,
      bottom: rect.bottom - origin.top,
    });
    const add = (element: Element, marker: boolean) => {
      const rect = element.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) return;
      // What is seen of a marker is its icon's dot or disc (marker-icons.ts), inside a larger
      // transparent touch target.
      const seen = marker ? (element.firstElementChild ?? element).getBoundingClientRect() : null;
      boxes.push({
        ...inMap(rect),
        seen: seen ? inMap(seen) : null,
        // A dot fanned out from a crowded place is not where its event is.
        singleEvent:
          marker &&
          element.classList.contains('event-marker') &&
          !element.classList.contains('is-fanned'),
      });
    };
    for (const element of markers) add(element, true);
    for (const element of controls) add(element, false);
    return boxes;
  }

  private update(): void {
    if (this.zooming || this.disposed || !this.context) return;
    const view = this.viewWindow();
    const names = this.namesFor(view);
    // Nothing has arrived yet: no need to read the page's layout for an empty drawing.
    if (names.length === 0) return;
    const candidates = nameCandidates(names, view, this.measure);
    const placed = placeLabels(candidates, this.obstacles(), view);
    const ratio = Math.min(window.devicePixelRatio || 1, 3);
    const width = Math.round(view.width * ratio);
    const height = Math.round(view.height * ratio);
    if (this.canvas.width !== width) this.canvas.width = width;
    if (this.canvas.height !== height) this.canvas.height = height;
    // The canvas's top left at the view's, in the pane's coordinates.
    const topLeft = this.map.containerPointToLayerPoint([0, 0]);
    this.restyle({
      width: `${view.width}px`,
      height: `${view.height}px`,
      transform: `translate3d(${topLeft.x}px, ${topLeft.y}px, 0)`,
      visibility: '',
    });
    const theme = this.darkTheme.matches ? 'dark' : 'light';
    drawLabels(
      this.context,
      placed,
      { width: view.width, height: view.height, ratio, fontFamily: this.fontFamily },
      { halo: this.land[theme].land, ...LABEL_INKS[theme] },
    );
    this.relist(listing(placed));
  }

  /**
   * Only what changed is written: a filter that redraws the markers without moving the map often
   * leaves the names as they were, and then the page's DOM stays as it was too (nothing for
   * observers of the page, such as the bench's, to wait on).
   */
  private restyle(
    styles: Partial<Record<'width' | 'height' | 'transform' | 'visibility', string>>,
  ) {
    for (const [property, value] of Object.entries(styles)) {
      const name = property as keyof typeof styles;
      if (this.canvas.style[name] !== value) this.canvas.style[name] = value;
    }
  }

  private relist(listed: Record<string, string>): void {
    for (const [key, value] of Object.entries(listed)) {
      if (this.canvas.dataset[key] !== value) this.canvas.dataset[key] = value;
    }
  }
}

/**
 * Names places on `map` in the pane named `paneName`, until the returned function is called. The
 * attribution credits GeoNames while the names are shown.
 */
export function showPlaceNames(map: LeafletMap, paneName: string, land: LandColours): () => void {
  const pane = map.getPane(paneName);
  if (!pane) return () => undefined;
  const names = new PlaceNames(map, pane, land);
  return () => names.dispose();
}
