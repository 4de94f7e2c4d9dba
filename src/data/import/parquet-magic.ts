/** Every Parquet file starts (and ends) with these four bytes: "PAR1". */
const MAGIC = [0x50, 0x41, 0x52, 0x31];

/**
 * Whether the bytes start like a Parquet file: a link's name or content type may say nothing, or
 * be wrong. Its own module so the import worker can ask without loading the Parquet reader.
 */
export function looksLikeParquet(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && MAGIC.every((byte, index) => bytes[index] === byte);
}
