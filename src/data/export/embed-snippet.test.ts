import { describe, expect, it } from 'vitest';
import { embedSnippet } from './embed-snippet.ts';

describe('embedSnippet', () => {
  it('frames the address lazily, with a title, at the size asked, never wider than its column', () => {
    const html = embedSnippet({
      src: 'https://news.example/dateline/events/sinpo?embed=1&q=a',
      title: 'Sinpo — Dateline',
      width: 680,
      height: 480,
    });
    expect(html).toContain('src="https://news.example/dateline/events/sinpo?embed=1&amp;q=a"');
    expect(html).toContain('title="Sinpo — Dateline"');
    expect(html).toContain('loading="lazy"');
    expect(html).toContain('max-width:680px');
    expect(html).toContain('height="480"');
    expect(html).toMatch(/^<div [^>]*><iframe [^>]*><\/iframe><\/div>$/);
  });

  it('fills the column when no width is given', () => {
    const html = embedSnippet({
      src: 'https://a.example/?embed=1',
      title: 'A',
      width: null,
      height: 600,
    });
    expect(html).toContain('max-width:100%');
    expect(html).toContain('width="100%"');
  });

  it('keeps hostile titles inside their attribute', () => {
    const html = embedSnippet({
      src: 'https://a.example/?embed=1',
      title: '"><script>alert(1)</script>',
      width: 360,
      height: 640,
    });
    expect(html).not.toContain('<script>');
    expect(html).toContain('title="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
  });
});
