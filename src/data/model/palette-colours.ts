/**
 * The colours of each palette slot (categories.ts), per theme. src/styles/tokens.css defines the
 * same values as custom properties for the page (marker-contrast.test.ts keeps the two equal, and
 * checks each marker's contrast and that every two categories stay apart, also as readers with
 * colour blindness see them); these serve what is drawn outside the page's styles, such as the
 * social card.
 */
import type { ColourSlot } from './categories.ts';

export const SLOT_COLOURS: Record<ColourSlot, { light: string; dark: string }> = {
  // The Okabe–Ito hues (blue, vermillion, bluish green, reddish purple, yellow as ochre, sky
  // blue), each moved in lightness so that no two categories meet when red and green, or blue
  // and yellow, are not told apart: darkening every hue alike to reach 3:1 left them all at one
  // lightness, where those readers lose the hue (decisions.md §23).
  'category-1': { light: '#004079', dark: '#0081d3' },
  'category-2': { light: '#b9520c', dark: '#d05c03' },
  'category-3': { light: '#007c54', dark: '#19ae7e' },
  'category-4': { light: '#b1599d', dark: '#f194c4' },
  'category-5': { light: '#614000', dark: '#d0a101' },
  'category-6': { light: '#2278e0', dark: '#99c1fa' },
  'category-other': { light: '#63636c', dark: '#7e8189' },
  // A scale from yellow to purple, darker at each step (so that it reads in order without hue),
  // the same hues in both themes.
  'grade-1': { light: '#917543', dark: '#fee067' },
  'grade-2': { light: '#ac5604', dark: '#ec9a34' },
  'grade-3': { light: '#961514', dark: '#ef6a50' },
  'grade-4': { light: '#810c4a', dark: '#d66097' },
  'grade-5': { light: '#571967', dark: '#9865d7' },
};
