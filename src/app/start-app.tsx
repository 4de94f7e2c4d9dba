import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { AppProviders } from './providers.tsx';
import { App, prepareFirstRender } from './app.tsx';
import { useActiveLanguage } from './use-interface-language.ts';

const container = document.getElementById('root');
if (!container) throw new Error('index.html must contain <div id="root">');

/** The app, drawn afresh when the reader switches language (its state is in the address). */
function AppInLanguage() {
  return <App key={useActiveLanguage()} />;
}

const root = createRoot(container);
void prepareFirstRender().finally(() => {
  // As a transition, the first render yields to the browser every few milliseconds instead of
  // holding the main thread for the whole tree: on a slow phone the page stays responsive while
  // the app replaces the static shell.
  startTransition(() => {
    root.render(
      <StrictMode>
        <AppProviders>
          <AppInLanguage />
        </AppProviders>
      </StrictMode>,
    );
  });
});
