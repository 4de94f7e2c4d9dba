/**
 * Draws placed names (label-placement.ts) on the labels' canvas: each text with a halo in the
 * land's colour, so it reads over borders, coasts and sea alike; cities with a dot, capitals with
 * a ringed one; countries in spaced capitals, in a quieter colour than the places.
 */
import type { PlacedLabel } from './label-placement.ts';
import type { LabelStyle, NameCandidate } from './place-name-candidates.ts';

export interface LabelPalette {
  /** The halo: the land's colour. */
  halo: string;
  country: string;
  city: string;
  town: string;
}

/** Ink on the basemap's land (basemap-layer.tsx), each at least 4.5:1 against it. */
export const LABEL_INKS: Record<'light' | 'dark', Omit<LabelPalette, 'halo'>> = {
  light: { country: '#6b6456', city: '#1f242c', town: '#3b414b' },
  dark: { country: '#a3adbb', city: '#f1f3f6', town: '#d2d8e0' },
};

const HALO_WIDTH = 3;

/** What drawing needs of a 2D context (a test can record the calls). */
export type LabelContext = Pick<
  CanvasRenderingContext2D,
  | 'setTransform'
  | 'clearRect'
  | 'beginPath'
  | 'arc'
  | 'fill'
  | 'stroke'
  | 'fillText'
  | 'strokeText'
  | 'measureText'
  | 'fillStyle'
  | 'strokeStyle'
  | 'lineWidth'
  | 'lineJoin'
  | 'font'
  | 'textAlign'
  | 'textBaseline'
> &
  Partial<Pick<CanvasRenderingContext2D, 'letterSpacing'>>;

/** Sets the context to draw (or measure) text in a style. */
export function applyTextStyle(context: LabelContext, style: LabelStyle, fontFamily: string): void {
  context.font = `${style.font} ${fontFamily}`;
  // Where the browser cannot space letters, the names are measured unspaced too, so boxes still fit.
  if ('letterSpacing' in context) context.letterSpacing = `${style.letterSpacing}px`;
}

function inkFor(palette: LabelPalette, style: LabelStyle): string {
  return palette[style.tone];
}

/**
 * Draws the labels on a canvas `width` × `height` CSS pixels at `ratio` device pixels each, after
 * clearing it: dots first, then every name over them.
 */
export function drawLabels(
  context: LabelContext,
  labels: readonly PlacedLabel<NameCandidate>[],
  frame: { width: number; height: number; ratio: number; fontFamily: string },
  palette: LabelPalette,
): void {
  const { width, height, ratio, fontFamily } = frame;
  context.setTransform(1, 0, 0, 1, 0, 0);
  context.clearRect(0, 0, Math.round(width * ratio), Math.round(height * ratio));
  context.setTransform(ratio, 0, 0, ratio, 0, 0);
  context.lineJoin = 'round';
  for (const { candidate, dot } of labels) {
    if (!dot) continue;
    const ink = inkFor(palette, candidate.style);
    const { x, y, dotRadius } = candidate;
    context.beginPath();
    context.arc(x, y, dotRadius, 0, 2 * Math.PI);
    context.lineWidth = candidate.name.capital ? 1.5 : 1.25;
    if (candidate.name.capital) {
      // A ring with a dot inside: the atlas sign for a capital.
      context.fillStyle = palette.halo;
      context.strokeStyle = ink;
      context.fill();
      context.stroke();
      context.beginPath();
      context.arc(x, y, 1.4, 0, 2 * Math.PI);
      context.fillStyle = ink;
      context.fill();
    } else {
      context.fillStyle = ink;
      context.strokeStyle = palette.halo;
      context.stroke();
      context.fill();
    }
  }
  context.textAlign = 'left';
  context.textBaseline = 'middle';
  context.lineWidth = HALO_WIDTH;
  context.strokeStyle = palette.halo;
  for (const { candidate, text } of labels) {
    applyTextStyle(context, candidate.style, fontFamily);
    const middle = (text.top + text.bottom) / 2;
    context.strokeText(candidate.text, text.left, middle);
    context.fillStyle = inkFor(palette, candidate.style);
    context.fillText(candidate.text, text.left, middle);
  }
}
