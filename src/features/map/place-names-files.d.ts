/** The place-name files, made by the build (scripts/place-names-plugin.ts). */
declare module 'virtual:dateline/place-names' {
  /**
   * Per band of PLACE_NAME_BANDS (place-names-data.ts), each tile's file address by tile key; a
   * tile with no place of its band (open sea) has none.
   */
  export const placeNameFiles: readonly Readonly<Record<string, string>>[];
}
