import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isWebAddress, parseStoryText, storyTextIssues, type StoryInline } from './story-text.ts';
import { inEnglish } from '../../lib/i18n/message.ts';

const text = (value: string): StoryInline => ({ kind: 'text', text: value });

function inlineOf(source: string): StoryInline[] {
  const blocks = parseStoryText(source);
  expect(blocks).toHaveLength(1);
  return blocks[0]?.children ?? [];
}

describe('parseStoryText reads the Markdown subset of docs/stories.md', () => {
  it('splits paragraphs on blank lines and reads single line breaks as spaces', () => {
    expect(parseStoryText('One\nline.\n\n  \nTwo.\r\n\r\nThree.')).toEqual([
      { kind: 'paragraph', children: [text('One line.')] },
      { kind: 'paragraph', children: [text('Two.')] },
      { kind: 'paragraph', children: [text('Three.')] },
    ]);
    expect(parseStoryText('')).toEqual([]);
    expect(parseStoryText('\n\n  \n')).toEqual([]);
  });

  it('reads emphasis, strong and their nesting', () => {
    expect(inlineOf('a *b* _c_ **d** e')).toEqual([
      text('a '),
      { kind: 'emphasis', children: [text('b')] },
      text(' '),
      { kind: 'emphasis', children: [text('c')] },
      text(' '),
      { kind: 'strong', children: [text('d')] },
      text(' e'),
    ]);
    expect(inlineOf('**very *much* so**')).toEqual([
      {
        kind: 'strong',
        children: [text('very '), { kind: 'emphasis', children: [text('much')] }, text(' so')],
      },
    ]);
  });

  it('reads http(s) links, with emphasis inside', () => {
    expect(inlineOf('See [the *report*](https://example.org/a?b=1).')).toEqual([
      text('See '),
      {
        kind: 'link',
        href: 'https://example.org/a?b=1',
        children: [text('the '), { kind: 'emphasis', children: [text('report')] }],
      },
      text('.'),
    ]);
  });

  it.each([
    '<b>bold</b> <script>alert(1)</script>',
    '[x](javascript:alert(1))',
    '[x](JAVASCRIPT:alert)',
    '[x](/relative/path)',
    '[x](data:text/html,hi)',
    '[x](https://)',
    '# not a heading',
    'snake_case_name and 2 * 3 * 4',
    'an * alone and ** two',
    '* spaced *',
    '[unclosed](https://example.org',
  ])('leaves %j as literal text', (source) => {
    expect(inlineOf(source)).toEqual([text(source)]);
  });

  it('never produces a link that is not http(s), whatever the text', () => {
    const piece = fc.oneof(
      fc.string(),
      fc.constantFrom(
        '[',
        ']',
        '(',
        ')',
        '*',
        '**',
        '_',
        '\n',
        '\n\n',
        ' ',
        'javascript:',
        'https://a.b',
        'http:',
        'data:',
      ),
    );
    const links = (nodes: StoryInline[]): string[] =>
      nodes.flatMap((node) =>
        node.kind === 'text'
          ? []
          : node.kind === 'link'
            ? [node.href, ...links(node.children)]
            : links(node.children),
      );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const hrefs = parseStoryText(pieces.join('')).flatMap((block) => links(block.children));
        for (const href of hrefs) expect(isWebAddress(href)).toBe(true);
      }),
    );
  });

  it('keeps every character of plain text that has no markup', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-zA-Z0-9 .,;:!?'"<>&-]{0,80}$/), (source) => {
        const expected = source.trim();
        const read = parseStoryText(source).flatMap((block) => block.children);
        expect(read).toEqual(expected === '' ? [] : [text(expected)]);
      }),
    );
  });
});

describe('storyTextIssues', () => {
  it('names each link that is not http(s), and nothing else', () => {
    expect(
      storyTextIssues('[ok](https://example.org) [bad](ftp://x) [rel](./a) *fine*').map(inEnglish),
    ).toEqual([
      'the link "bad" goes to "ftp://x": a story links only to http(s) addresses',
      'the link "rel" goes to "./a": a story links only to http(s) addresses',
    ]);
    expect(storyTextIssues('No links [here] (really).')).toEqual([]);
  });
});
