/**
 * The HTML a publisher pastes into an article to embed a Dateline view: the Share menu's Embed
 * snippet and each event page's oEmbed answer are made by the same function.
 */

export interface EmbedSnippetOptions {
  /** The embed view's absolute address (with `embed=1`). */
  src: string;
  /** Names the frame for screen readers: the event's or the dataset's title. */
  title: string;
  /** The frame's size in CSS pixels; `width: null` fills the column of the article. */
  width: number | null;
  height: number;
}

/** For attribute values in double quotes: the text can never end the attribute or start a tag. */
function escapeAttribute(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/**
 * A frame that never overflows its column: as wide as asked (or the column), as tall as asked.
 * The style is inline because it lives on the publisher's page, where no Dateline CSS is.
 */
export function embedSnippet({ src, title, width, height }: EmbedSnippetOptions): string {
  const maxWidth = width === null ? '100%' : `${width}px`;
  return [
    `<div style="max-width:${maxWidth};margin:1em 0">`,
    `<iframe src="${escapeAttribute(src)}" title="${escapeAttribute(title)}" loading="lazy"`,
    ` width="${width ?? '100%'}" height="${height}" style="display:block;width:100%;height:${height}px;border:0"`,
    ` allow="clipboard-write" referrerpolicy="strict-origin-when-cross-origin"></iframe>`,
    `</div>`,
  ].join('');
}
