/**
 * Marker icons. The HTML here is fixed markup, numbers and colours, never event text: titles and
 * categories reach the marker only as an aria-label set through the DOM, so no event can inject
 * markup.
 */
import * as L from 'leaflet';
import type { PaletteSlot } from '../../data/model/categories.ts';
import type { RingSegment } from './cluster-mix.ts';
import { discDiameter, TARGET } from './cluster-size.ts';

const offsetIcons = new Map<string, L.DivIcon>();
/**
 * Offsets that keep neighbours clear of the selection vary with the view, so the caches would grow
 * for as long as the page is open: past this many icons they start again.
 */
const MAX_CACHED_ICONS = 400;

/** The same icon moved by [dx, dy] pixels, to keep it clear of the selected marker. */
export function eventIcon(offset: readonly [number, number] | null, selected = false): L.DivIcon {
  const [dx, dy] = offset ?? [0, 0];
  const key = `${dx},${dy},${selected}`;
  let icon = offsetIcons.get(key);
  if (!icon) {
    if (offsetIcons.size >= MAX_CACHED_ICONS) offsetIcons.clear();
    icon = L.divIcon({
      className: ['event-marker', selected && 'is-selected', (dx !== 0 || dy !== 0) && 'is-fanned']
        .filter(Boolean)
        .join(' '),
      html: '<span class="event-marker-dot"></span>',
      iconSize: [TARGET, TARGET],
      iconAnchor: [TARGET / 2 - dx, TARGET / 2 - dy],
    });
    offsetIcons.set(key, icon);
  }
  return icon;
}

const clusterIcons = new Map<string, L.DivIcon>();

function countLabel(count: number): string {
  if (count < 1000) return String(count);
  return count < 10_000 ? `${(count / 1000).toFixed(1)}k` : `${Math.round(count / 1000)}k`;
}

/**
 * A cluster: a navy disc with its count, sized by the count (cluster-size.ts) through SVG
 * attributes, since the Content Security Policy refuses style attributes in markup, and ringed by
 * its categories, one arc each. The markup holds only numbers and colours: the categories' names
 * stay out of it (they reach the page as the aria-label, through the DOM).
 */
export function clusterIcon(
  count: number,
  ring: readonly RingSegment[],
  slotOf: (category: string) => PaletteSlot,
): L.DivIcon {
  const size = discDiameter(count);
  const middle = size / 2;
  const band = Math.max(4, Math.round(size / 9));
  // A white edge outside the ring, and a hairline between ring and disc, so that neither a dark
  // basemap nor a dark category colour runs into the navy.
  const ringRadius = middle - 1.5 - band / 2;
  const arcs = ring
    .map(({ category, start, sweep }) => {
      // A class per palette slot (markers.css): the colours follow the theme, and the markup
      // holds fixed names only, never a category's own text.
      const slot = category === null ? 'category-other' : slotOf(category);
      const dash =
        sweep >= 360
          ? ''
          : ` stroke-dasharray="${sweep.toFixed(2)} 360" stroke-dashoffset="${(-start).toFixed(2)}"`;
      return `<circle class="ring-${slot}" r="${ringRadius}" pathLength="360"${dash}/>`;
    })
    .join('');
  const fontSize = size < 40 ? 12 : size < 52 ? 13 : 14;
  const html =
    `<svg class="cluster-marker-disc" width="${size}" height="${size}" viewBox="${-middle} ${-middle} ${size} ${size}" aria-hidden="true">` +
    `<circle class="cluster-marker-edge" r="${middle}"/>` +
    `<g transform="rotate(-90)" fill="none" stroke-width="${band}">${arcs}</g>` +
    `<circle class="cluster-marker-core" r="${middle - 2.5 - band}"/>` +
    `<text class="cluster-marker-count" font-size="${fontSize}" text-anchor="middle" dominant-baseline="central">${countLabel(count)}</text>` +
    `</svg>`;
  let icon = clusterIcons.get(html);
  if (!icon) {
    if (clusterIcons.size >= MAX_CACHED_ICONS) clusterIcons.clear();
    const target = Math.max(size, TARGET);
    icon = L.divIcon({
      className: 'cluster-marker',
      html,
      iconSize: [target, target],
      iconAnchor: [target / 2, target / 2],
    });
    clusterIcons.set(html, icon);
  }
  return icon;
}
