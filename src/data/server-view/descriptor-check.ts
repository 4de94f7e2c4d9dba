/**
 * Whether downloaded bytes could be the data server's descriptor (descriptor.ts), told without the
 * descriptor's reader: few readers open a server, so the reader is not part of the first load. The
 * page loads it only for a small JSON file that names the server's marker.
 */

/** The value a descriptor's "dateline" field holds, as it stands in its JSON. */
const MARKER = '"query-server"';
/** A descriptor is a few kilobytes; a file this large is a dataset, not a descriptor. */
const MAX_DESCRIPTOR_BYTES = 1_000_000;

export function mightBeDescriptor(bytes: Uint8Array): boolean {
  if (bytes.length > MAX_DESCRIPTOR_BYTES) return false;
  const text = new TextDecoder().decode(bytes);
  return text.trimStart().startsWith('{') && text.includes(MARKER);
}
