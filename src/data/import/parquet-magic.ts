/** Every Parquet file starts (and ends) with these four bytes: "PAR1". */
const MAGIC = [0x50, 0x41, 0x52, 0x31];

/**
 * Whether the bytes start like a Parquet file: a link's name or content type may say nothing, or
 * be wrong. Its own module so the import worker can ask without loading the Parquet reader.
 */
export function looksLikeParquet(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && MAGIC.every((byte, index) => bytes[index] === byte);
}

/**
 * How much of a Parquet file's end is read first for its footer (its table of contents): the
 * import worker asks for as much ahead of the download (src/data/loading/arriving-file.ts). A
 * footer of a million rows in many row groups is far smaller. A larger one is read in two steps,
 * and the second waits for the download to reach it: that file is read only once it is all in.
 */
export const FOOTER_READ_BYTES = 64 * 1024;
