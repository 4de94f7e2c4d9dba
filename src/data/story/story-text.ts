/**
 * The Markdown subset of a story step's text (docs/stories.md): paragraphs, emphasis, strong and
 * http(s) links. It is parsed into plain nodes that the page renders as text and React elements,
 * never as HTML, so nothing a story says can become markup or script. Anything outside the subset
 * (`<b>`, `# heading`, `[x](javascript:…)`) stays literal text: the reader sees what was written.
 */
import type { Message } from '../../lib/i18n/message.ts';

export type StoryInline =
  | { kind: 'text'; text: string }
  | { kind: 'emphasis' | 'strong'; children: StoryInline[] }
  | { kind: 'link'; href: string; children: StoryInline[] };

/** One paragraph: the text between blank lines, single line breaks read as spaces. */
export interface StoryBlock {
  kind: 'paragraph';
  children: StoryInline[];
}

/** An absolute http(s) address with a host, the only kind of link a story may make. */
export function isWebAddress(text: string): boolean {
  if (!/^https?:\/\//i.test(text) || /\s/.test(text)) return false;
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

const WORD_CHARACTER = /[\p{L}\p{N}]/u;

/** `[text](address)` starting at `start`, or null when the brackets do not close on one line. */
function linkAt(
  source: string,
  start: number,
): { label: string; href: string; end: number } | null {
  const labelEnd = source.indexOf('](', start + 1);
  if (labelEnd < 0) return null;
  const label = source.slice(start + 1, labelEnd);
  if (label === '' || /[[\]\n]/.test(label)) return null;
  const hrefEnd = source.indexOf(')', labelEnd + 2);
  if (hrefEnd < 0) return null;
  const href = source.slice(labelEnd + 2, hrefEnd);
  if (href === '' || /\s/.test(href)) return null;
  return { label, href, end: hrefEnd + 1 };
}

/** Where the delimiter that closes one opened at `start` sits, or -1. */
function closingDelimiter(source: string, start: number, delimiter: string): number {
  const contentStart = start + delimiter.length;
  if (/\s/.test(source.charAt(contentStart)) || contentStart >= source.length) return -1;
  let at = source.indexOf(delimiter, contentStart + 1);
  while (at >= 0) {
    const before = source.charAt(at - 1);
    const after = source.charAt(at + delimiter.length);
    const single = delimiter.length === 1;
    // A single `*` next to another `*` belongs to a `**`; an `_` inside a word (snake_case) is
    // part of the word, as in CommonMark.
    const partOfPair = single && delimiter === '*' && (before === '*' || after === '*');
    const insideWord = delimiter === '_' && WORD_CHARACTER.test(after);
    if (!/\s/.test(before) && !partOfPair && !insideWord) return at;
    at = source.indexOf(delimiter, at + 1);
  }
  return -1;
}

function pushText(nodes: StoryInline[], text: string): void {
  if (text === '') return;
  const last = nodes.at(-1);
  if (last?.kind === 'text') last.text += text;
  else nodes.push({ kind: 'text', text });
}

function parseInline(source: string, insideLink: boolean): StoryInline[] {
  const nodes: StoryInline[] = [];
  let literalFrom = 0;
  let index = 0;
  const take = (node: StoryInline, end: number) => {
    pushText(nodes, source.slice(literalFrom, index));
    nodes.push(node);
    index = end;
    literalFrom = end;
  };
  while (index < source.length) {
    const character = source.charAt(index);
    if (character === '[' && !insideLink) {
      const link = linkAt(source, index);
      if (link && isWebAddress(link.href)) {
        take({ kind: 'link', href: link.href, children: parseInline(link.label, true) }, link.end);
        continue;
      }
    } else if (source.startsWith('**', index)) {
      const close = closingDelimiter(source, index, '**');
      if (close >= 0) {
        const children = parseInline(source.slice(index + 2, close), insideLink);
        take({ kind: 'strong', children }, close + 2);
        continue;
      }
      index += 2;
      continue;
    } else if (character === '*' || character === '_') {
      const opensHere = character === '*' || !WORD_CHARACTER.test(source.charAt(index - 1));
      const close = opensHere ? closingDelimiter(source, index, character) : -1;
      if (close >= 0) {
        const children = parseInline(source.slice(index + 1, close), insideLink);
        take({ kind: 'emphasis', children }, close + 1);
        continue;
      }
    }
    index += 1;
  }
  pushText(nodes, source.slice(literalFrom));
  return nodes;
}

/** The paragraphs of a step's text, each a list of inline nodes. */
export function parseStoryText(text: string): StoryBlock[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((paragraph) =>
      paragraph
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== '')
        .join(' '),
    )
    .filter((paragraph) => paragraph !== '')
    .map((paragraph) => ({ kind: 'paragraph', children: parseInline(paragraph, false) }));
}

/**
 * What is wrong with a step's text as a story file states it: every `[label](address)` whose
 * address is not an absolute http(s) one. Such a link would show as literal text, which is safe
 * but surely not what the author meant, so the file is refused with the reason.
 */
export function storyTextIssues(text: string): Message[] {
  const issues: Message[] = [];
  for (const match of text.matchAll(/\[([^[\]\n]+)\]\(([^()\s]*)\)/g)) {
    const [, label = '', href = ''] = match;
    if (!isWebAddress(href)) {
      issues.push(
        /*i18n*/ {
          id: 'the link "{label}" goes to "{address}": a story links only to http(s) addresses',
          values: { label: label.slice(0, 40), address: href.slice(0, 60) },
        },
      );
    }
  }
  return issues;
}
