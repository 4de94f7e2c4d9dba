import { i18n } from '../../lib/i18n/i18n.ts';

/** The frame sizes the Embed tab offers: what articles and phones commonly give an embed. */
export interface EmbedSize {
  id: 'article' | 'phone' | 'full';
  /** CSS pixels; null fills the article's column. */
  width: number | null;
  height: number;
}

export const EMBED_SIZES: readonly EmbedSize[] = [
  { id: 'article', width: 680, height: 480 },
  { id: 'phone', width: 360, height: 640 },
  { id: 'full', width: null, height: 480 },
];

/** A size's name in the reader's language, asked for as it is shown. */
export function embedSizeLabel(id: EmbedSize['id']): string {
  if (id === 'article') return i18n._('Article 680×480');
  if (id === 'phone') return i18n._('Phone 360×640');
  return i18n._('Full width ×480');
}

/**
 * How the live preview draws a frame of `size` in `available` pixels of width: at its real size
 * when it fits (a full-width frame takes the room there is), else scaled down as a whole, so the
 * preview shows the layout the article's readers will get, not a squeezed one.
 */
export function previewLayout(
  size: Pick<EmbedSize, 'width' | 'height'>,
  available: number,
): { width: number; height: number; scale: number } {
  const room = Math.max(1, Math.floor(available));
  const width = size.width ?? room;
  const scale = Math.min(1, room / width);
  return { width, height: size.height, scale };
}
