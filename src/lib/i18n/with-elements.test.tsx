import { isValidElement } from 'react';
import { describe, expect, it } from 'vitest';
import { withElements } from './with-elements.tsx';

describe('withElements', () => {
  it('puts each placeholder back as its element, where the sentence has it', () => {
    const parts = withElements('폴더에 <file/> 파일을 넣으세요.', { file: 'x' });
    expect(parts).toHaveLength(3);
    expect(parts[0]).toBe('폴더에 ');
    expect(isValidElement(parts[1])).toBe(true);
    expect(parts[2]).toBe(' 파일을 넣으세요.');
  });

  it('leaves a sentence without placeholders whole, and an unknown placeholder as it was', () => {
    expect(withElements('Nothing here.', {})).toEqual(['Nothing here.']);
    const parts = withElements('<a/> and <b/>', { a: 'A' });
    expect(parts[0]).toBe('');
    expect(parts[2]).toBe(' and ');
    expect(isValidElement<{ children: unknown }>(parts[3]) && parts[3].props.children).toBe('<b/>');
  });
});
