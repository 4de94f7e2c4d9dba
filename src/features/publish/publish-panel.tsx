import {
  publishCommand,
  SITE_CONFIG_FILE_NAME,
  siteConfigFromReading,
  siteConfigText,
} from '../../data/export/site-config.ts';
import { downloadText } from '../../lib/download.ts';
import { i18n } from '../../lib/i18n/i18n.ts';
import { withElements } from '../../lib/i18n/with-elements.tsx';
import { useCopyText } from '../../lib/use-copy-text.ts';
import type { PublishMenuProps } from './publish-props.ts';

/** The steps from the dataset that is open to a site: the settings file, the command, a host. */
export function PublishPanel({ dataset, metadata, report }: PublishMenuProps) {
  const copy = useCopyText();
  const command = publishCommand(dataset);

  return (
    <>
      <h2 className="publish-heading">{i18n._('Publish as a site')}</h2>
      <p className="publish-lead">
        {i18n._(
          'Dateline builds a static site around a dataset: the map, the timeline, and a page with a link preview for every event, ready to link to and to embed in articles. Nothing is uploaded from here.',
        )}
      </p>
      <ol className="publish-steps">
        <li>
          {dataset.kind === 'bundled' ? (
            withElements(
              i18n._(
                'This is Dateline’s bundled dataset, <file/>. To publish your own, open its file first, or replace that file.',
              ),
              { file: <code>data/events.geojson</code> },
            )
          ) : (
            <>
              <div className="publish-download">
                <button
                  type="button"
                  className="button"
                  onClick={() =>
                    downloadText(
                      siteConfigText(siteConfigFromReading(metadata, report)),
                      SITE_CONFIG_FILE_NAME,
                      'application/json',
                    )
                  }
                >
                  {i18n._('Download {file}', { file: SITE_CONFIG_FILE_NAME })}
                </button>
              </div>
              {report?.mapping
                ? i18n._(
                    'It keeps this reading: the title, the description and the columns you chose.',
                  )
                : i18n._('It keeps this reading: the title and description.')}{' '}
              {dataset.kind === 'file'
                ? withElements(i18n._('Put it and <file/> in Dateline’s folder.'), {
                    file: <strong>{dataset.name}</strong>,
                  })
                : i18n._('Put it in Dateline’s folder.')}
            </>
          )}
        </li>
        <li>
          {withElements(i18n._('In that folder (after <install/> once), build the site:'), {
            install: <code>npm ci</code>,
          })}
          <div className="publish-command">
            <code>{command}</code>
            <button type="button" className="button" onClick={() => void copy.copy(command)}>
              {i18n._('Copy command')}
            </button>
          </div>
          <span className="publish-copy-status" aria-live="polite">
            {copy.state === 'copied' ? i18n._('Command copied') : ''}
            {copy.state === 'refused'
              ? i18n._('The clipboard is not available here: select the command.')
              : ''}
          </span>
        </li>
        <li>
          {withElements(
            i18n._(
              'Upload the folder <folder/> to any static host. Dateline’s <guide/> covers GitHub Pages, Netlify, Cloudflare Pages and S3, with the settings each needs.',
            ),
            { folder: <code>dist/</code>, guide: <code>docs/publishing.md</code> },
          )}
        </li>
      </ol>
    </>
  );
}
