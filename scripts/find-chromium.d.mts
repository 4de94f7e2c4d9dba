/** The path of a system Chromium, or null. $CHROMIUM_PATH wins when set. */
export function findChromium(): string | null;
/** Flags that keep Chromium from phoning home; shared by the tests, the benchmark and Lighthouse. */
export const CHROMIUM_ARGS: readonly string[];
