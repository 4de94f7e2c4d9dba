/** A dataset's metadata.categories (contracts §4), read as untrusted as the rest of a file. */
import type { CategoryStyle } from './schema.ts';
import { isObject, own } from './record-fields.ts';

const HEX_COLOUR = /^#[0-9a-f]{6}$/i;

/**
 * metadata.categories: `{ "strike": { "label": "Strike", "colour": "#d55e00" } }`. A bad entry
 * (not an object, a label that is not short text, a colour that is not #rrggbb) loses only what is
 * wrong in it: the dataset still loads, with the palette's name or colour for that category.
 */
export function readCategoryStyles(value: unknown): Record<string, CategoryStyle> | null {
  if (!isObject(value)) return null;
  const styles: Record<string, CategoryStyle> = {};
  for (const [category, entry] of Object.entries(value)) {
    if (!isObject(entry)) continue;
    const label = own(entry, 'label');
    const colour = own(entry, 'colour');
    const style: CategoryStyle = {};
    if (typeof label === 'string' && label.trim() !== '' && label.length <= 80) {
      style.label = label.trim();
    }
    if (typeof colour === 'string' && HEX_COLOUR.test(colour)) style.colour = colour.toLowerCase();
    if (style.label !== undefined || style.colour !== undefined) styles[category] = style;
  }
  return Object.keys(styles).length > 0 ? styles : null;
}
