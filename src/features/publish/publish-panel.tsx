import {
  publishCommand,
  SITE_CONFIG_FILE_NAME,
  siteConfigFromReading,
  siteConfigText,
} from '../../data/export/site-config.ts';
import { downloadText } from '../../lib/download.ts';
import { useCopyText } from '../../lib/use-copy-text.ts';
import type { PublishMenuProps } from './publish-props.ts';

/** The steps from the dataset that is open to a site: the settings file, the command, a host. */
export function PublishPanel({ dataset, metadata, report }: PublishMenuProps) {
  const copy = useCopyText();
  const command = publishCommand(dataset);

  return (
    <>
      <h2 className="publish-heading">Publish as a site</h2>
      <p className="publish-lead">
        Dateline builds a static site around a dataset: the map, the timeline, and a page with a
        link preview for every event, ready to link to and to embed in articles. Nothing is uploaded
        from here.
      </p>
      <ol className="publish-steps">
        <li>
          {dataset.kind === 'bundled' ? (
            <>
              This is Dateline’s bundled dataset, <code>data/events.geojson</code>. To publish your
              own, open its file first, or replace that file.
            </>
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
                  Download {SITE_CONFIG_FILE_NAME}
                </button>
              </div>
              It keeps this reading: the title
              {report?.mapping ? ', the description and the columns you chose' : ' and description'}
              .
              {dataset.kind === 'file' ? (
                <>
                  {' '}
                  Put it and <strong>{dataset.name}</strong> in Dateline’s folder.
                </>
              ) : (
                ' Put it in Dateline’s folder.'
              )}
            </>
          )}
        </li>
        <li>
          In that folder (after <code>npm ci</code> once), build the site:
          <div className="publish-command">
            <code>{command}</code>
            <button type="button" className="button" onClick={() => void copy.copy(command)}>
              Copy command
            </button>
          </div>
          <span className="publish-copy-status" aria-live="polite">
            {copy.state === 'copied' ? 'Command copied' : ''}
            {copy.state === 'refused'
              ? 'The clipboard is not available here: select the command.'
              : ''}
          </span>
        </li>
        <li>
          Upload the folder <code>dist/</code> to any static host. Dateline’s{' '}
          <code>docs/publishing.md</code> covers GitHub Pages, Netlify, Cloudflare Pages and S3,
          with the settings each needs.
        </li>
      </ol>
    </>
  );
}
