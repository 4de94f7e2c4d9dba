/**
 * A dataset's own category colours (metadata.categories) on the page. The cluster rings colour
 * their arcs by a class per slot (markers.css), and the Content Security Policy refuses both
 * `<style>` elements and style attributes in markup, so the custom slots' classes live in a
 * constructed style sheet: the CSSOM is script, which the policy allows.
 */
import { useEffect } from 'react';
import type { CustomColour } from '../data/model/categories.ts';

/** The rules of the custom slots: their ring arcs' stroke. Colours are checked `#rrggbb`. */
function customColourRules(colours: readonly CustomColour[]): string {
  return colours.map(({ slot, colour }) => `.ring-${slot} { stroke: ${colour}; }`).join('\n');
}

export function useCustomColours(colours: readonly CustomColour[]): void {
  useEffect(
    function defineCustomColours() {
      if (colours.length === 0 || typeof CSSStyleSheet === 'undefined') return undefined;
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(customColourRules(colours));
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
      return () => {
        document.adoptedStyleSheets = document.adoptedStyleSheets.filter((each) => each !== sheet);
      };
    },
    [colours],
  );
}
