import { lazy, Suspense } from 'react';
import { OpenDatasetButton } from '../features/open-dataset/open-dataset-button.tsx';
import { ShareMenu } from '../features/share/share-menu.tsx';
import { showBundledDataset } from '../data/url/explorer-actions.ts';
import { shareAddresses } from '../data/url/share-addresses.ts';
import { APP_BASE, type UrlStateApi } from '../data/url/use-url-state.ts';
import type { UrlState } from '../data/url/url-state.ts';
import { useFirstScreenDrawn } from '../lib/after-mark.ts';
import { i18n } from '../lib/i18n/i18n.ts';
import { AppHeader } from './app-header.tsx';
import { LanguageSwitch } from './language-switch.tsx';
import type { LoadedDataset } from './use-dataset.ts';

// The way into a story (Back to the story, the bundled story, Read the story): once the map's
// first drawing is shown, so neither its code nor the list of stories is part of the first load.
const StoryLinks = lazy(() =>
  import('./story-links.tsx').then((module) => ({ default: module.StoryLinks })),
);

/** The page's header for the dataset shown: its title, where it came from, and the ways out. */
export function DatasetHeader({
  loaded,
  url,
  story,
  onAddToStory,
}: {
  loaded: LoadedDataset;
  url: UrlStateApi;
  /**
   * Reading a story: the page's own state (the story's step). Its card is the way through it, so
   * the header offers no story link, and Share hands out the step's address.
   */
  story: UrlState | undefined;
  /** Opens the story editor with this view added as a step (in the Share menu); null for none. */
  onAddToStory: (() => void) | null;
}) {
  const { dataset, source, report, query, server } = loaded;
  // A data server's dataset is named by its descriptor (server-explorer.tsx).
  const metadata = dataset?.metadata ?? server?.metadata;
  const idle = useFirstScreenDrawn();
  // Share hands out the view as it is (the URL is the one source of truth), or in a story the
  // step's own address.
  const share = shareAddresses(story ?? url.state, APP_BASE, window.location.origin);
  return (
    <AppHeader
      title={
        metadata?.title ??
        (loaded.needsMapping ? report?.fileName : null) ??
        (query.isError ? i18n._('No dataset') : null)
      }
      origin={
        source.kind === 'remote'
          ? i18n._('From {address}', { address: source.url })
          : source.kind === 'local'
            ? i18n._('From {name}, opened on this device (nothing is uploaded)', {
                name: source.name,
              })
            : null
      }
      actions={
        <>
          <OpenDatasetButton
            onFiles={loaded.openFiles}
            // "Open…" on a phone, where the header's actions share one line with the brand; the
            // whole name stays the button's name. Two whole messages: words are ordered otherwise
            // in another language.
            label={
              // One flex item, so the button's gap does not open between the two.
              <span>
                <span className="header-action-long">{i18n._('Open dataset…')}</span>
                <span className="header-action-short">{i18n._('Open…')}</span>
              </span>
            }
          />
          {idle && !story && (
            <Suspense fallback={null}>
              <StoryLinks
                params={url.state.params}
                dataset={dataset}
                // Passed in, not imported: the links' chunk stays out of the first load's modules.
                base={APP_BASE}
              />
            </Suspense>
          )}
          {metadata && (
            <ShareMenu
              viewUrl={share.view}
              embedUrl={share.embed}
              title={`${metadata.title} — Dateline`}
              localFile={source.kind === 'local'}
              // A story's view is the story's to change: a step is added from the explorer.
              onAddToStory={story ? null : onAddToStory}
            />
          )}
          {source.kind !== 'bundled' && (
            <a
              className="button"
              aria-label={i18n._('Back to bundled dataset')}
              href={APP_BASE}
              onClick={(clickEvent) => {
                clickEvent.preventDefault();
                url.apply(showBundledDataset);
              }}
            >
              {/* "Bundled dataset" on a phone beside a third action (app.css); the name stays. */}
              <span>
                <span className="header-action-long">{i18n._('Back to bundled dataset')}</span>
                <span className="header-action-short">{i18n._('Bundled dataset')}</span>
              </span>
            </a>
          )}
          <LanguageSwitch url={url} />
        </>
      }
    />
  );
}
