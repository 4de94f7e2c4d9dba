// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { rememberStoryReturn, storyReturn } from './story-links.tsx';

describe('the way back to a story', () => {
  beforeEach(() => sessionStorage.clear());

  it('is offered over the dataset the story was read over, and no other', () => {
    rememberStoryReturn({ href: '/stories/a?step=3', title: 'A story', dataset: '' });
    expect(storyReturn('')).toEqual({ href: '/stories/a?step=3', title: 'A story', dataset: '' });
    expect(storyReturn('https://example.org/other.csv')).toBeNull();
  });

  it('follows only an address of this site', () => {
    for (const href of ['https://evil.example/', '//evil.example/', 'javascript:alert(1)']) {
      sessionStorage.setItem(
        'dateline:story-return',
        JSON.stringify({ href, title: 'A story', dataset: '' }),
      );
      expect(storyReturn('')).toBeNull();
    }
  });

  it('is not offered when nothing, or something broken, was kept', () => {
    expect(storyReturn('')).toBeNull();
    sessionStorage.setItem('dateline:story-return', '{not json');
    expect(storyReturn('')).toBeNull();
  });
});
