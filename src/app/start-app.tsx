import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { AppProviders } from './providers.tsx';
import { App, loadStoryModeFirst } from './app.tsx';

const container = document.getElementById('root');
if (!container) throw new Error('index.html must contain <div id="root">');

const root = createRoot(container);
void loadStoryModeFirst().finally(() => {
  // As a transition, the first render yields to the browser every few milliseconds instead of
  // holding the main thread for the whole tree: on a slow phone the page stays responsive while
  // the app replaces the static shell.
  startTransition(() => {
    root.render(
      <StrictMode>
        <AppProviders>
          <App />
        </AppProviders>
      </StrictMode>,
    );
  });
});
