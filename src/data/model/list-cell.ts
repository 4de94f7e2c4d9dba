/**
 * The list-in-a-cell convention of Dateline's CSV, written by the exporter and read back by the
 * importer so that an export round-trips exactly.
 */

/**
 * Several sources or tags share a cell, separated by " | " (URLs never hold a space); a | or \
 * inside a value is escaped with \ so the parts can be told apart again (see splitListCell).
 */
export function joinListCell(parts: readonly string[]): string {
  return parts.map((part) => part.replace(/[\\|]/g, (char) => `\\${char}`)).join(' | ');
}

/** The inverse of joinListCell: '' is no parts; a cell without separators is one part. */
export function splitListCell(cell: string): string[] {
  if (cell === '') return [];
  const parts: string[] = [];
  let current = '';
  for (let index = 0; index < cell.length; index += 1) {
    const char = cell[index];
    if (char === '\\' && index + 1 < cell.length) {
      current += cell[index + 1];
      index += 1;
    } else if (char === ' ' && cell[index + 1] === '|' && cell[index + 2] === ' ') {
      parts.push(current);
      current = '';
      index += 2;
    } else {
      current += char;
    }
  }
  parts.push(current);
  return parts;
}
