import { useId, useLayoutEffect, useRef, useState } from 'react';
import { embedSnippet } from '../../data/export/embed-snippet.ts';
import { i18n } from '../../lib/i18n/i18n.ts';
import { useCopyText, type CopyState } from '../../lib/use-copy-text.ts';
import { EMBED_SIZES, embedSizeLabel, previewLayout } from './embed-sizes.ts';

export interface SharePanelProps {
  /** The view as it is, in the full app. */
  viewUrl: string;
  /** The same view with `embed=1`. */
  embedUrl: string;
  /** Names the embedded frame for screen readers. */
  title: string;
  /** A file opened on this device: nobody else can open its link, so nothing is offered to embed. */
  localFile: boolean;
  /** Opens the story editor with this view added as a step; null where none can be added (a story). */
  onAddToStory: (() => void) | null;
}

/** What the status line says after a copy: each a whole sentence, for each language's order. */
function CopyNote({
  state,
  copied,
  refused,
}: {
  state: CopyState;
  copied: string;
  refused: string;
}) {
  return (
    <p className="share-note" role="status">
      {state === 'copied' ? copied : state === 'refused' ? refused : ''}
    </p>
  );
}

/** The Share menu's content: Copy link, and Embed with its sizes, snippet and live preview. */
export function SharePanel({ viewUrl, embedUrl, title, localFile, onAddToStory }: SharePanelProps) {
  const linkRef = useRef<HTMLInputElement>(null);
  const snippetRef = useRef<HTMLTextAreaElement>(null);
  const link = useCopyText(linkRef);
  const snippet = useCopyText(snippetRef);
  const [sizeId, setSizeId] = useState(EMBED_SIZES[0]?.id ?? 'article');
  const size = EMBED_SIZES.find((candidate) => candidate.id === sizeId) ?? EMBED_SIZES[0];
  const html = size ? embedSnippet({ src: embedUrl, title, ...size }) : '';
  const linkId = useId();
  const snippetId = useId();

  return (
    <div className="share-content">
      <h2 className="share-heading">{i18n._('Link to this view')}</h2>
      <div className="share-row">
        <label className="visually-hidden" htmlFor={linkId}>
          {i18n._('Link to this view')}
        </label>
        <input id={linkId} ref={linkRef} className="share-field" readOnly value={viewUrl} />
        <button type="button" className="button" onClick={() => void link.copy(viewUrl)}>
          {i18n._('Copy link')}
        </button>
      </div>
      <CopyNote
        state={link.state}
        copied={i18n._('Link copied.')}
        refused={i18n._('The browser refused to copy: the link is selected, copy it by hand.')}
      />
      {onAddToStory && (
        <>
          <h2 className="share-heading">{i18n._('Tell it as a story')}</h2>
          <div className="share-row share-story">
            <p className="share-story-note">
              {i18n._('Make this view a step of a story you write here, then download it.')}
            </p>
            <button type="button" className="button" onClick={onAddToStory}>
              {i18n._('Add this view to a story')}
            </button>
          </div>
        </>
      )}
      {localFile ? (
        <p className="share-warning">
          {i18n._(
            'This view shows a file opened on this device: nobody else can open this link or an embed of it. Publish the file first (Publish…), then share the site’s address.',
          )}
        </p>
      ) : (
        <>
          <h2 className="share-heading">{i18n._('Embed in an article')}</h2>
          <fieldset className="share-sizes">
            <legend>{i18n._('Size')}</legend>
            {EMBED_SIZES.map((candidate) => (
              <label key={candidate.id} className="share-size">
                <input
                  type="radio"
                  name="share-embed-size"
                  value={candidate.id}
                  checked={candidate.id === sizeId}
                  onChange={() => {
                    setSizeId(candidate.id);
                    snippet.reset();
                  }}
                />
                {embedSizeLabel(candidate.id)}
              </label>
            ))}
          </fieldset>
          <label className="share-label" htmlFor={snippetId}>
            {i18n._('Embed code')}
          </label>
          <textarea
            id={snippetId}
            ref={snippetRef}
            className="share-field share-snippet"
            readOnly
            rows={4}
            value={html}
          />
          <div className="share-row">
            <button
              type="button"
              className="button button-primary"
              onClick={() => void snippet.copy(html)}
            >
              {i18n._('Copy embed code')}
            </button>
          </div>
          <CopyNote
            state={snippet.state}
            copied={i18n._('Embed code copied.')}
            refused={i18n._(
              'The browser refused to copy: the embed code is selected, copy it by hand.',
            )}
          />
          {size && <EmbedPreview src={embedUrl} width={size.width} height={size.height} />}
        </>
      )}
    </div>
  );
}

/**
 * The embed itself, as an article will show it, scaled down to the panel when wider. Sizes are
 * set from script: the page's Content Security Policy refuses style attributes in markup.
 */
function EmbedPreview({
  src,
  width,
  height,
}: {
  src: string;
  width: number | null;
  height: number;
}) {
  const boxRef = useRef<HTMLDivElement>(null);
  const frameRef = useRef<HTMLIFrameElement>(null);
  useLayoutEffect(
    function fitPreview() {
      const box = boxRef.current;
      const frame = frameRef.current;
      if (!box || !frame) return;
      const place = () => {
        const layout = previewLayout({ width, height }, box.clientWidth);
        frame.style.width = `${layout.width}px`;
        frame.style.height = `${layout.height}px`;
        frame.style.transform = layout.scale === 1 ? '' : `scale(${layout.scale})`;
        box.style.height = `${Math.ceil(layout.height * layout.scale)}px`;
      };
      place();
      const observer = new ResizeObserver(place);
      observer.observe(box);
      return () => observer.disconnect();
    },
    [width, height],
  );
  return (
    <figure className="share-preview">
      <figcaption className="share-label">{i18n._('Preview')}</figcaption>
      <div className="share-preview-box" ref={boxRef}>
        <iframe ref={frameRef} src={src} title={i18n._('Preview of the embed')} loading="lazy" />
      </div>
    </figure>
  );
}
