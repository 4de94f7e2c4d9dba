/**
 * The page's entry: a few kilobytes that start loading the dataset, let the browser paint the
 * static shell in index.html first, then fetch and start the app. Without the wait, a fast network delivers the app's script
 * before the first paint and the reader stares at a blank page while it runs.
 */
// Leaflet's styles first, so that the app's own (larger touch targets, colours) win over them even
// though the map's code (and its stylesheet) arrives later in a chunk of its own. Then the design
// tokens, what every part shares, and the page's frame. Each feature brings its own stylesheet
// with its code; the search field's is here too, because the static shell in index.html draws it
// before the app arrives.
import 'leaflet/dist/leaflet.css';
import '../styles/tokens.css';
import '../styles/base.css';
import './app.css';
import '../features/search/search.css';
import './embed-shell.css';
import { startEarlyLoad } from '../data/loading/early-load.ts';

// In an article's frame (embed=1) the full app's static shell (header, search, Open dataset) must
// not show while the reader view loads: embed-shell.css hides it under this class.
if (new URLSearchParams(window.location.search).get('embed') === '1')
  document.documentElement.classList.add('embed');

// The dataset downloads and is read in a worker while the app itself loads (early-load.ts).
startEarlyLoad();

requestAnimationFrame(() => {
  // The frame this callback precedes is the shell's first paint; the timeout runs after it.
  setTimeout(() => {
    void import('./start-app.tsx');
  }, 0);
});
