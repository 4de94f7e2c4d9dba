/**
 * The colours of each palette slot (categories.ts), per theme. src/styles/tokens.css defines the
 * same values as custom properties for the page (palette-colours.test.ts keeps the two equal);
 * these serve what is drawn outside the page's styles, such as the social card.
 */
import type { ColourSlot } from './categories.ts';

export const SLOT_COLOURS: Record<ColourSlot, { light: string; dark: string }> = {
  // Okabe–Ito blue, vermillion, bluish green, reddish purple, yellow (as ochre) and sky blue.
  'category-1': { light: '#0067a5', dark: '#3d8fd1' },
  'category-2': { light: '#b34d05', dark: '#d55e00' },
  'category-3': { light: '#00805a', dark: '#0aa87c' },
  'category-4': { light: '#a8327d', dark: '#d584b0' },
  'category-5': { light: '#7a5c00', dark: '#e69f00' },
  'category-6': { light: '#0e7db0', dark: '#56b4e9' },
  'category-other': { light: '#566573', dark: '#9aa3ad' },
  // A scale from yellow to purple, darker as it rises; the same hues in both themes.
  'grade-1': { light: '#8a6d00', dark: '#f0d35a' },
  'grade-2': { light: '#a65000', dark: '#f59e3d' },
  'grade-3': { light: '#a3281f', dark: '#ee6a50' },
  'grade-4': { light: '#861b55', dark: '#e3568f' },
  'grade-5': { light: '#5c1a66', dark: '#9a66d8' },
};
