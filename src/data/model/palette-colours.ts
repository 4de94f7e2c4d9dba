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
  'category-1': { light: '#004b86', dark: '#1080d1' },
  'category-2': { light: '#b9520c', dark: '#d25d05' },
  'category-3': { light: '#007c54', dark: '#1dae7e' },
  'category-4': { light: '#b55996', dark: '#dd92bf' },
  'category-5': { light: '#614000', dark: '#e59d0a' },
  'category-6': { light: '#2278e0', dark: '#96c0f9' },
  'category-other': { light: '#51565f', dark: '#798188' },
  // A scale from yellow to purple, darker as it rises; the same hues in both themes.
  'grade-1': { light: '#8a6d00', dark: '#f0d35a' },
  'grade-2': { light: '#a65000', dark: '#f59e3d' },
  'grade-3': { light: '#a3281f', dark: '#ee6a50' },
  'grade-4': { light: '#861b55', dark: '#e3568f' },
  'grade-5': { light: '#5c1a66', dark: '#9a66d8' },
};
