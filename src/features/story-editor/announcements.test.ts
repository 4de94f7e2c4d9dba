import { describe, expect, it } from 'vitest';
import { deletedAnnouncement, movedAnnouncement } from './announcements.ts';

describe('the editor’s announcements', () => {
  it('name the step moved by its title, or as the step while it has none', () => {
    expect(movedAnnouncement('October', 2, 3)).toBe('Moved “October” to step 2 of 3.');
    expect(movedAnnouncement('', 1, 3)).toBe('Moved the step to step 1 of 3.');
  });

  it('count the steps left after a deletion', () => {
    expect(deletedAnnouncement('A submarine', 2)).toBe('Deleted “A submarine”. 2 steps left.');
    expect(deletedAnnouncement('A pact', 1)).toBe('Deleted “A pact”. 1 step left.');
    expect(deletedAnnouncement('', 0)).toBe('Deleted the step. No steps left.');
  });
});
