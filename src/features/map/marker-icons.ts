/**
 * Marker icons. The HTML here is fixed markup or a number, never event text: titles reach the
 * marker only as an aria-label set through the DOM, so no event can inject markup.
 */
import * as L from 'leaflet';

/** 44 px: the smallest comfortable touch target. The visible dot inside is smaller. */
const TARGET = 44;

const offsetIcons = new Map<string, L.DivIcon>();
/**
 * Offsets that keep neighbours clear of the selection vary with the view, so the caches would grow
 * for as long as the page is open: past this many icons they start again.
 */
const MAX_CACHED_ICONS = 400;

/** The same icon moved by [dx, dy] pixels, to fan out events that share one spot. */
export function eventIcon(offset: readonly [number, number] | null, selected = false): L.DivIcon {
  const [dx, dy] = offset ?? [0, 0];
  const key = `${dx},${dy},${selected}`;
  let icon = offsetIcons.get(key);
  if (!icon) {
    if (offsetIcons.size >= MAX_CACHED_ICONS) offsetIcons.clear();
    icon = L.divIcon({
      className: selected ? 'event-marker is-selected' : 'event-marker',
      html: '<span class="event-marker-dot"></span>',
      iconSize: [TARGET, TARGET],
      iconAnchor: [TARGET / 2 - dx, TARGET / 2 - dy],
    });
    offsetIcons.set(key, icon);
  }
  return icon;
}

/** Keyed by label and offset, so the cache stays small however many counts the data has. */
const clusterIcons = new Map<string, L.DivIcon>();

/** Half the clickable size of a cluster of `count`, for keeping neighbours clear of each other. */
export function clusterRadius(count: number): number {
  return Math.max(clusterSize(count), TARGET) / 2;
}

export function markerRadius(): number {
  return TARGET / 2;
}

function clusterSize(count: number): number {
  return count < 10 ? 36 : count < 100 ? 42 : count < 1000 ? 48 : 56;
}

export function clusterIcon(
  count: number,
  offset: readonly [number, number] | null = null,
): L.DivIcon {
  const label =
    count < 1000
      ? String(count)
      : count < 10_000
        ? `${(count / 1000).toFixed(1)}k`
        : `${Math.round(count / 1000)}k`;
  const [dx, dy] = offset ?? [0, 0];
  const key = `${label},${dx},${dy}`;
  let icon = clusterIcons.get(key);
  if (!icon) {
    if (clusterIcons.size >= MAX_CACHED_ICONS) clusterIcons.clear();
    const size = clusterSize(count);
    const target = Math.max(size, TARGET);
    // The size is a class, not a style attribute: the Content Security Policy refuses inline
    // styles in markup.
    icon = L.divIcon({
      className: 'cluster-marker',
      html: `<span class="cluster-marker-disc cluster-size-${size}">${label}</span>`,
      iconSize: [target, target],
      iconAnchor: [target / 2 - dx, target / 2 - dy],
    });
    clusterIcons.set(key, icon);
  }
  return icon;
}
