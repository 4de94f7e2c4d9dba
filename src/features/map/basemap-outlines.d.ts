/** The offline basemap's files, made by the build (basemapOutlinesPlugin in vite.config.ts). */
declare module 'virtual:dateline/basemap-outlines' {
  /** Natural Earth at 1:110 million, 71 KB: the views a page opens on. */
  export const coarseOutlineUrl: string;
  /** Natural Earth at 1:50 million, 625 KB: fetched once the map is zoomed in to need it. */
  export const detailedOutlineUrl: string;
}
