/** The offline basemap's files, made by the build (basemapOutlinesPlugin in vite.config.ts). */
declare module 'virtual:dateline/basemap-outlines' {
  /** Natural Earth at 1:110 million, small: the views a page opens on. */
  export const coarseOutlineUrl: string;
  /** Natural Earth at 1:50 million, larger: fetched once the map is zoomed in to need it. */
  export const detailedOutlineUrl: string;
}
