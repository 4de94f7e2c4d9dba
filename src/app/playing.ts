import { createStore } from '../lib/store/store.ts';

/**
 * Whether playback is playing. The timeline's controls set it (timeline-panel.tsx); the map and
 * the list read it to follow the frames one and two animation frames later (useFrameLag), so that
 * no frame carries the whole page. Not in the URL: a link never opens playing.
 */
export const playing = createStore(false);
