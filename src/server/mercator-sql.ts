/**
 * Web Mercator in DuckDB's SQL, for both ways of loading a file (duckdb-engine.ts, native-load.ts):
 * each event's y is computed once at load, so that clusters do no trigonometry per event and view.
 */

/** Web Mercator's edge: the browser's cluster index pins latitudes beyond it to it. */
export const MAX_LATITUDE = 85.0511287798;

const PINNED = `radians(least(greatest(latitude, -${MAX_LATITUDE}), ${MAX_LATITUDE}))`;

/** An event's y on the world map, 0 at the top edge and 1 at the bottom. */
export const MERCATOR_Y_SQL = `((1 - ln(tan(${PINNED}) + 1 / cos(${PINNED})) / pi()) / 2)`;
