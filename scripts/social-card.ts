/**
 * The picture a pasted link unfurls with (Open Graph, 1200×630): the coastlines around the event,
 * its marker and uncertainty halo, and its title, date and place. Built as SVG text here (pure, so
 * it is tested without rendering) and turned into PNG by resvg at build time.
 */
import type { Basemap } from '../src/features/map/basemap-shapes.ts';
import type { DatasetEvent } from '../src/data/model/schema.ts';
import { formatEventDate } from '../src/data/model/date-label.ts';
import {
  categoryPalette,
  type CategoryPalette,
  type ColourSlot,
} from '../src/data/model/categories.ts';
import { SLOT_COLOURS } from '../src/data/model/palette-colours.ts';

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;
const MAP_LEFT = 620;
const MAP_WIDTH = CARD_WIDTH - MAP_LEFT;

/** Event text is untrusted: everything that goes into the SVG is escaped. */
export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/** Greedy word wrap to `maxChars` per line, at most `maxLines`, with an ellipsis when cut. */
export function wrapText(text: string, maxChars: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (candidate.length <= maxChars || !line) {
      line = candidate.length > maxChars ? `${candidate.slice(0, maxChars - 1)}…` : candidate;
    } else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  const last = kept[maxLines - 1] ?? '';
  kept[maxLines - 1] = `${last.slice(0, Math.max(0, maxChars - 1)).replace(/\s+\S*$/, '')}…`;
  return kept;
}

const SPAN_DEGREES = { exact: 3, city: 4, region: 6, country: 9 } as const;

function mercatorY(latitude: number): number {
  const clamped = Math.max(Math.min(latitude, 85), -85);
  return Math.log(Math.tan(Math.PI / 4 + (clamped * Math.PI) / 360)) * (180 / Math.PI);
}

function outlinePaths(
  basemap: Basemap,
  event: DatasetEvent,
): { land: string; borders: string; scale: number } {
  const span = SPAN_DEGREES[event.locationPrecision ?? 'city'];
  const scale = MAP_WIDTH / (2 * span);
  const centreY = mercatorY(event.latitude);
  const project = ([lon = 0, lat = 0]: number[]) => [
    MAP_LEFT + MAP_WIDTH / 2 + (lon - event.longitude) * scale,
    CARD_HEIGHT / 2 - (mercatorY(lat) - centreY) * scale,
  ];
  const visible = (points: number[][]) =>
    points.some(
      ([lon = 0, lat = 0]) =>
        Math.abs(lon - event.longitude) < span * 2 && Math.abs(lat - event.latitude) < span * 2,
    );
  const toPath = (points: number[][], close: boolean) =>
    points
      .map(
        (point, index) =>
          `${index === 0 ? 'M' : 'L'}${project(point)
            .map((value) => value.toFixed(1))
            .join(',')}`,
      )
      .join('') + (close ? 'Z' : '');
  const land = basemap.land.geometry.coordinates
    .flatMap((polygon) =>
      polygon[0] && visible(polygon[0]) ? polygon.map((ring) => toPath(ring, true)) : [],
    )
    .join('');
  const borders = basemap.borders.geometry.coordinates
    .filter(visible)
    .map((line) => toPath(line, false))
    .join('');
  return { land, borders, scale };
}

const HALO_KM = { exact: 0, city: 12, region: 60, country: 220 } as const;

/** What a card says instead of the event's own title, date and place: a story's card. */
export interface CardText {
  title: string;
  meta: string;
  detail: string;
}

export function socialCardSvg(
  event: DatasetEvent,
  basemap: Basemap,
  datasetTitle: string,
  palette: CategoryPalette = categoryPalette([event.category]),
  text?: CardText,
): string {
  const { land, borders, scale } = outlinePaths(basemap, event);
  // The card is drawn in the light theme, with the colour the page gives the event's category.
  const slot = palette.slotOf(event.category);
  const colour =
    palette.customColourOf(event.category) ??
    (slot.startsWith('custom-') ? SLOT_COLOURS['category-other'] : SLOT_COLOURS[slot as ColourSlot])
      .light;
  const markerX = MAP_LEFT + MAP_WIDTH / 2;
  const markerY = CARD_HEIGHT / 2;
  // Kilometres to degrees of longitude at this latitude, then to pixels.
  const haloKm = HALO_KM[event.locationPrecision ?? 'exact'];
  const haloRadius = (haloKm / (111.32 * Math.cos((event.latitude * Math.PI) / 180))) * scale;
  const titleLines = wrapText(text?.title ?? event.title, 24, 4);
  const titleTop = 150;
  const meta =
    text?.meta ?? [formatEventDate(event.date), palette.labelOf(event.category)].join('  ·  ');
  const placeLines = wrapText(text?.detail ?? event.place, 40, 2);
  const placeTop = titleTop + titleLines.length * 54 + 34;

  return `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD_WIDTH}" height="${CARD_HEIGHT}" viewBox="0 0 ${CARD_WIDTH} ${CARD_HEIGHT}">
  <defs><clipPath id="map"><rect x="${MAP_LEFT}" y="0" width="${MAP_WIDTH}" height="${CARD_HEIGHT}"/></clipPath></defs>
  <rect width="${CARD_WIDTH}" height="${CARD_HEIGHT}" fill="#14213d"/>
  <g clip-path="url(#map)">
    <rect x="${MAP_LEFT}" y="0" width="${MAP_WIDTH}" height="${CARD_HEIGHT}" fill="#c9dbe6"/>
    <path d="${land}" fill="#e4e0d6" fill-rule="evenodd"/>
    <path d="${borders}" fill="none" stroke="#a39d8f" stroke-width="1.5"/>
    ${haloRadius > 6 ? `<circle cx="${markerX}" cy="${markerY}" r="${haloRadius.toFixed(1)}" fill="${colour}" fill-opacity="0.14" stroke="${colour}" stroke-width="3" stroke-dasharray="10 8"/>` : ''}
    <circle cx="${markerX}" cy="${markerY}" r="22" fill="${colour}" stroke="#ffffff" stroke-width="7"/>
  </g>
  <circle cx="62" cy="76" r="11" fill="none" stroke="#f5b700" stroke-width="5"/>
  <text x="86" y="86" font-family="Inter" font-weight="700" font-size="28" fill="#ffffff">Dateline</text>
  <text x="56" y="${titleTop - 24}" font-family="Inter" font-size="22" fill="#aab4c8">${escapeXml(wrapText(datasetTitle, 46, 1)[0] ?? '')}</text>
  ${titleLines
    .map(
      (line, index) =>
        `<text x="56" y="${titleTop + 30 + index * 54}" font-family="Inter" font-weight="700" font-size="46" fill="#ffffff">${escapeXml(line)}</text>`,
    )
    .join('\n  ')}
  <text x="56" y="${placeTop + 20}" font-family="Inter" font-weight="700" font-size="30" fill="#f5b700">${escapeXml(meta)}</text>
  ${placeLines
    .map(
      (line, index) =>
        `<text x="56" y="${placeTop + 64 + index * 32}" font-family="Inter" font-size="26" fill="#d6dbe6">${escapeXml(line)}</text>`,
    )
    .join('\n  ')}
</svg>`;
}
