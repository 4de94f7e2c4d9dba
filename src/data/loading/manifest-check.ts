/**
 * Whether a downloaded file could be a manifest (manifest.ts), told without the manifest reader:
 * few datasets come in parts, so the reader and the merge are not part of the first load. The
 * page loads them only for a small file that names the manifest type.
 */

/** A manifest is a short list of parts; anything larger is a dataset itself. */
export const MAX_MANIFEST_BYTES = 1_000_000;

/** The type a manifest declares, as it stands in its JSON ("type": "DatelineManifest"). */
const MANIFEST_TYPE = '"DatelineManifest"';

export function mightBeManifest(bytes: Uint8Array): boolean {
  return (
    bytes.length <= MAX_MANIFEST_BYTES && new TextDecoder().decode(bytes).includes(MANIFEST_TYPE)
  );
}
