/** A coordinate cell as spreadsheets write one. */
export function parseCoordinate(text: string): number | null {
  const trimmed = text.trim();
  // A decimal comma ("40,85") from European spreadsheets, when there is no point.
  const normalised = /^-?\d+,\d+$/.test(trimmed) ? trimmed.replace(',', '.') : trimmed;
  // One way to match each text: `\d+\.?\d*` could split a run of digits at every point, which
  // backtracks quadratically on a long run of digits before failing at a final letter.
  if (!/^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i.test(normalised)) return null;
  const value = Number(normalised);
  return Number.isFinite(value) ? value : null;
}
