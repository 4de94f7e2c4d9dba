/**
 * An RFC 4180 CSV reader: quoted cells with commas, doubled quotes and line breaks inside, CRLF or
 * LF, and a delimiter (comma, semicolon or tab) chosen from the header line. Written as one pass
 * over the text so a 100 MB file costs one loop, with progress reported as rows are read.
 */
import { DatasetError } from '../model/dataset-error.ts';

export interface CsvTable {
  delimiter: ',' | ';' | '\t';
  header: string[];
  /** Data rows, blank lines left out; cells missing at a row's end read as ''. */
  rows: string[][];
  /** The 1-based line of the file on which each data row starts, for the Data issues panel. */
  rowLines: number[];
}

const DELIMITERS = [',', ';', '\t'] as const;

/** Counts each delimiter in the first line outside quotes; the most frequent one wins. */
export function detectDelimiter(text: string): CsvTable['delimiter'] {
  const counts = new Map<string, number>(DELIMITERS.map((delimiter) => [delimiter, 0]));
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && char !== undefined && counts.has(char))
      counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  let best: CsvTable['delimiter'] = ',';
  for (const delimiter of DELIMITERS) {
    if ((counts.get(delimiter) ?? 0) > (counts.get(best) ?? 0)) best = delimiter;
  }
  return best;
}

const PROGRESS_EVERY = 20_000;

export function parseCsv(text: string, onProgress?: (rowsRead: number) => void): CsvTable {
  const delimiter = detectDelimiter(text);
  const records: string[][] = [];
  const recordLines: number[] = [];
  let record: string[] = [];
  let cell = '';
  let quoted = false;
  let quoteLine = 0;
  let line = 1;
  let recordLine = 1;
  let index = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const length = text.length;

  const endRecord = () => {
    record.push(cell);
    cell = '';
    // A blank line is not a record: spreadsheets leave them at the end of files.
    if (!(record.length === 1 && record[0] === '')) {
      records.push(record);
      recordLines.push(recordLine);
      if (onProgress && records.length % PROGRESS_EVERY === 0) onProgress(records.length - 1);
    }
    record = [];
  };

  while (index < length) {
    const char = text[index];
    if (quoted) {
      if (char === '"') {
        if (text[index + 1] === '"') {
          cell += '"';
          index += 2;
          continue;
        }
        quoted = false;
        index += 1;
        continue;
      }
      // Up to the next quote in one slice: a huge cell read a character at a time is slow.
      const quote = text.indexOf('"', index);
      const end = quote === -1 ? length : quote;
      const part = text.slice(index, end);
      cell += part;
      for (let at = part.indexOf('\n'); at !== -1; at = part.indexOf('\n', at + 1)) line += 1;
      index = end;
      continue;
    }
    if (char === '"' && cell === '') {
      quoted = true;
      quoteLine = line;
    } else if (char === delimiter) {
      record.push(cell);
      cell = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[index + 1] === '\n') index += 1;
      endRecord();
      line += 1;
      recordLine = line;
    } else {
      // The rest of an unquoted cell in one slice (a quote inside it is a plain character).
      let end = index + 1;
      while (end < length) {
        const next = text[end];
        if (next === delimiter || next === '\n' || next === '\r') break;
        end += 1;
      }
      cell += text.slice(index, end);
      index = end;
      continue;
    }
    index += 1;
  }
  if (quoted) {
    // Read on, the rest of the file would be one cell: rows lost without a word. Say where instead.
    throw new DatasetError(
      /*i18n*/ {
        id: 'Line {line} opens a quoted cell (") that is never closed, so the rows after it cannot be told apart. Is a closing quote missing there?',
        values: { line: quoteLine },
      },
    );
  }
  if (cell !== '' || record.length > 0) endRecord();

  const header = (records.shift() ?? []).map((name) => name.trim());
  recordLines.shift();
  const width = header.length;
  for (const row of records) while (row.length < width) row.push('');
  onProgress?.(records.length);
  return { delimiter, header, rows: records, rowLines: recordLines };
}
