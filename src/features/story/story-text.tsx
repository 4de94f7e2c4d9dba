import type { ReactNode } from 'react';
import { parseStoryText, type StoryInline } from '../../data/story/story-text.ts';

function renderInline(nodes: readonly StoryInline[]): ReactNode[] {
  return nodes.map((node, index) => {
    switch (node.kind) {
      case 'text':
        return node.text;
      case 'emphasis':
        return <em key={index}>{renderInline(node.children)}</em>;
      case 'strong':
        return <strong key={index}>{renderInline(node.children)}</strong>;
      case 'link':
        // parseStoryText links only absolute http(s) addresses; a story is a stranger's text.
        return (
          <a key={index} href={node.href} target="_blank" rel="noopener noreferrer">
            {renderInline(node.children)}
          </a>
        );
    }
  });
}

/** A step's text (the Markdown subset of docs/stories.md) as React elements, never as HTML. */
export function StoryText({ text }: { text: string }) {
  return (
    <div className="story-text">
      {parseStoryText(text).map((block, index) => (
        <p key={index}>{renderInline(block.children)}</p>
      ))}
    </div>
  );
}
