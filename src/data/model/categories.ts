/**
 * Category names and colours. Known categories of the bundled data get fixed colours; any other
 * category gets one from the same palette by a stable hash, so colours do not change when a
 * dataset grows. The palette (Okabe–Ito, darkened for text contrast) stays distinguishable for
 * the common forms of colour blindness.
 */
const PALETTE = [
  '#b35900',
  '#0067a5',
  '#00805a',
  '#a8327d',
  '#7a5c00',
  '#4b5bbf',
  '#c0392b',
  '#566573',
];

const KNOWN: Record<string, string> = {
  statement: '#0067a5',
  strike: '#c0392b',
  diplomacy: '#00805a',
  'military-activity': '#7a5c00',
  'missile-test': '#a8327d',
  other: '#566573',
};

/** "missile-test" → "Missile test": category slugs as readers see them. */
export function categoryLabel(category: string): string {
  const words = category.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function categoryColor(category: string): string {
  // Own keys only: a category called "constructor" must not find Object's.
  const known = Object.hasOwn(KNOWN, category) ? KNOWN[category] : undefined;
  if (known) return known;
  let hash = 0;
  for (let index = 0; index < category.length; index += 1) {
    hash = (Math.imul(hash, 31) + category.charCodeAt(index)) >>> 0;
  }
  return PALETTE[hash % PALETTE.length] ?? '#566573';
}
