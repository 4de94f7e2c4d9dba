/** The path of a system Chromium, or null. $CHROMIUM_PATH wins when set. */
export function findChromium(): string | null;
