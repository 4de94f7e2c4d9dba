import { describe, expect, it } from 'vitest';
import { readStoryIndex } from './story-index.ts';

describe('readStoryIndex', () => {
  it('reads a list, or a list under "stories"', () => {
    const list = [{ id: 'a', title: 'A story', description: 'extra keys are fine' }];
    expect(readStoryIndex(list)).toEqual([{ id: 'a', title: 'A story' }]);
    expect(readStoryIndex({ stories: list })).toEqual([{ id: 'a', title: 'A story' }]);
  });

  it('skips entries without an id and a title, and reads anything else as no stories', () => {
    expect(
      readStoryIndex([{ id: 'a' }, { title: 'B' }, null, 'c', { id: '', title: 'D' }]),
    ).toEqual([]);
    expect(readStoryIndex(null)).toEqual([]);
    expect(readStoryIndex({ stories: 'none' })).toEqual([]);
    expect(readStoryIndex('<html>')).toEqual([]);
  });
});
