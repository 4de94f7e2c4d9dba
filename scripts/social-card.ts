/**
 * The picture a pasted link unfurls with (Open Graph, 1200×630): the coastlines around the event,
 * its marker and uncertainty halo, and its title, date and place. Built as SVG text here (pure, so
 * it is tested without rendering) and turned into PNG by resvg at build time.
 */
import { Resvg, type RenderedImage } from '@resvg/resvg-js';
import type { Basemap } from '../src/features/map/basemap-shapes.ts';
import type { DatasetEvent } from '../src/data/model/schema.ts';
import { formatEventDate } from '../src/data/model/date-label.ts';
import {
  categoryPalette,
  type CategoryPalette,
  type ColourSlot,
} from '../src/data/model/categories.ts';
import { SLOT_COLOURS } from '../src/data/model/palette-colours.ts';
import { CARD_FONT_FAMILIES, cardFonts, type CardFonts, type CardWeight } from './card-fonts.ts';
import { textDirection, wrapByWidth, type Direction } from './card-text.ts';

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;
const MAP_LEFT = 620;
const MAP_WIDTH = CARD_WIDTH - MAP_LEFT;
/** Where the text starts, and how far it may run: up to a margin before the map. */
export const TEXT_LEFT = 56;
export const TEXT_ROOM = MAP_LEFT - TEXT_LEFT - 44;
export const TITLE_MAX_LINES = 3;

/** Event text is untrusted: everything that goes into the SVG is escaped. */
export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (character) => `&#${character.charCodeAt(0)};`);
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

/** How a card is drawn beyond its event: all optional. */
export interface CardOptions {
  /** The category colours and labels of the whole dataset, so the card matches the page. */
  palette?: CategoryPalette;
  /** A story's text instead of the event's. */
  text?: CardText;
  /** The fonts text is measured in (the full fonts unless given). */
  fonts?: CardFonts;
  /**
   * The card's language (BCP 47). Per-language pages pass their own, with the date line in that
   * language through `text.meta` and a translated wordmark.
   */
  language?: string;
  wordmark?: string;
}

/** One line of text on the card, placed and measured. */
export interface CardTextLine {
  text: string;
  x: number;
  y: number;
  size: number;
  weight: CardWeight;
  fill: string;
  /** How wide the line may be. */
  room: number;
  /** The direction of the text the line is part of: a right-to-left line is set to the right. */
  direction: Direction;
}

const SMALLEST_TITLE_SIZE = 34;
const TITLE_SIZES = [46, 40, SMALLEST_TITLE_SIZE];
const TITLE_LEADING_RATIO = 1.26;
const DETAIL_SIZE = 26;
const DETAIL_LEADING = 34;

/** The card's text, broken into lines by measured width and placed. Pure given the fonts. */
export function cardTextLines(
  event: DatasetEvent,
  datasetTitle: string,
  {
    palette = categoryPalette([event.category]),
    text,
    fonts = cardFonts(),
    wordmark = 'Dateline',
  }: CardOptions = {},
): CardTextLine[] {
  const line = (
    content: string,
    x: number,
    y: number,
    size: number,
    weight: CardWeight,
    fill: string,
    room = TEXT_ROOM,
    direction: Direction = 'ltr',
  ): CardTextLine => ({ text: content, x, y, size, weight, fill, room, direction });
  const wrap = (
    content: string,
    size: number,
    weight: CardWeight,
    maxLines: number,
    room = TEXT_ROOM,
  ) =>
    wrapByWidth(content, fonts.measure(weight, size, textDirection(content)), room, maxLines).lines;
  const titleTop = 150;
  // A title that does not fit in three lines at the full size gets a smaller size before it is cut.
  const title = text?.title ?? event.title;
  const titleDirection = textDirection(title);
  const titleSize =
    TITLE_SIZES.find(
      (size) =>
        !wrapByWidth(title, fonts.measure(700, size, titleDirection), TEXT_ROOM, TITLE_MAX_LINES)
          .cut,
    ) ?? SMALLEST_TITLE_SIZE;
  const titleLeading = Math.round(titleSize * TITLE_LEADING_RATIO);
  const titleLines = wrap(title, titleSize, 700, TITLE_MAX_LINES);
  const meta =
    text?.meta ?? [formatEventDate(event.date), palette.labelOf(event.category)].join('  ·  ');
  const metaLines = wrap(meta, 30, 700, 1);
  const detail = text?.detail ?? event.place;
  const detailLines = wrap(detail, DETAIL_SIZE, 400, 2);
  const metaTop = titleTop + titleLines.length * titleLeading + 34;
  const wordmarkRoom = TEXT_ROOM - 30;
  return [
    ...wrap(wordmark, 28, 700, 1, wordmarkRoom).map((content) =>
      line(content, 86, 86, 28, 700, '#ffffff', wordmarkRoom),
    ),
    ...wrap(datasetTitle, 22, 400, 1).map((content) =>
      line(
        content,
        TEXT_LEFT,
        titleTop - 24,
        22,
        400,
        '#aab4c8',
        TEXT_ROOM,
        textDirection(datasetTitle),
      ),
    ),
    ...titleLines.map((content, index) =>
      line(
        content,
        TEXT_LEFT,
        titleTop + 30 + index * titleLeading,
        titleSize,
        700,
        '#ffffff',
        TEXT_ROOM,
        titleDirection,
      ),
    ),
    ...metaLines.map((content) =>
      line(content, TEXT_LEFT, metaTop + 20, 30, 700, '#f5b700', TEXT_ROOM, textDirection(meta)),
    ),
    ...detailLines.map((content, index) =>
      line(
        content,
        TEXT_LEFT,
        metaTop + 64 + index * DETAIL_LEADING,
        DETAIL_SIZE,
        400,
        '#d6dbe6',
        TEXT_ROOM,
        textDirection(detail),
      ),
    ),
  ];
}

/**
 * A line as one <text> per font run, each placed at the measured width of the runs before it.
 * resvg shapes a whole <text> with one font and falls back per missing glyph ignoring the weight
 * (bold Korean came out regular, and so did the Latin beside it), so the card chooses every run's
 * font itself. resvg shapes and orders each run's text itself (Arabic joined, right to left); a
 * line read right to left (an Arabic title) is set against the right edge of its room, its runs
 * placed from the right.
 */
/**
 * resvg lays out every <text> as a left-to-right paragraph (it ignores `direction` and a leading
 * RLM): a right-to-left line that starts with a Latin name ("Hwasong-18 قرب …") came out in the
 * wrong order. Embedding the run right to left (RLE … PDF, invisible, without width) orders it.
 */
const RIGHT_TO_LEFT_EMBEDDING = '\u202B';
const POP_DIRECTIONAL_FORMATTING = '\u202C';

function textSvg(line: CardTextLine, fonts: CardFonts): string {
  const measure = fonts.measure(line.weight, line.size, line.direction);
  const runs = fonts
    .runs(line.weight, line.text, line.direction)
    .map((run) => ({ run, width: measure(run.text) }));
  const rightToLeft = line.direction === 'rtl';
  let x = rightToLeft ? line.x + line.room : line.x;
  return runs
    .map(({ run, width }) => {
      if (rightToLeft) x -= width;
      const element = `<text x="${x.toFixed(1)}" y="${line.y}" font-family="'${run.family}'"${line.weight === 700 ? ' font-weight="700"' : ''} font-size="${line.size}" fill="${line.fill}" xml:space="preserve">${rightToLeft ? `${RIGHT_TO_LEFT_EMBEDDING}${escapeXml(run.text)}${POP_DIRECTIONAL_FORMATTING}` : escapeXml(run.text)}</text>`;
      if (!rightToLeft) x += width;
      return element;
    })
    .join('');
}

export function socialCardSvg(
  event: DatasetEvent,
  basemap: Basemap,
  datasetTitle: string,
  options: CardOptions = {},
): string {
  const palette = options.palette ?? categoryPalette([event.category]);
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
  const fonts = options.fonts ?? cardFonts();
  const lines = cardTextLines(event, datasetTitle, { ...options, palette, fonts });

  return `<svg xmlns="http://www.w3.org/2000/svg" xml:lang="${escapeXml(options.language ?? 'en')}" width="${CARD_WIDTH}" height="${CARD_HEIGHT}" viewBox="0 0 ${CARD_WIDTH} ${CARD_HEIGHT}">
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
  ${lines.map((line) => textSvg(line, fonts)).join('\n  ')}
</svg>`;
}

/**
 * The card as pixels, drawn only in `fontFiles` (the subset card fonts): never the machine's fonts,
 * so every build machine draws the same card.
 */
export function renderCard(svg: string, fontFiles: string[]): RenderedImage {
  return new Resvg(svg, {
    fitTo: { mode: 'width', value: CARD_WIDTH },
    font: { fontFiles, loadSystemFonts: false, defaultFontFamily: CARD_FONT_FAMILIES[0] },
  }).render();
}
