import { describe, expect, it } from 'vitest';
import { stepDirection, type StepKey } from './step-keys.ts';

const plain: StepKey = {
  key: '',
  shiftKey: false,
  modified: false,
  inTextField: false,
  inArrowWidget: false,
  onPressable: false,
};

describe('stepDirection', () => {
  it('moves forward on ArrowRight, ArrowDown, Space and Page Down', () => {
    for (const key of ['ArrowRight', 'ArrowDown', ' ', 'PageDown'])
      expect(stepDirection({ ...plain, key })).toBe(1);
  });

  it('moves back on ArrowLeft, ArrowUp, Shift+Space and Page Up', () => {
    for (const key of ['ArrowLeft', 'ArrowUp', 'PageUp'])
      expect(stepDirection({ ...plain, key })).toBe(-1);
    expect(stepDirection({ ...plain, key: ' ', shiftKey: true })).toBe(-1);
  });

  it('leaves typing, shortcuts and other keys alone', () => {
    expect(stepDirection({ ...plain, key: 'ArrowRight', inTextField: true })).toBeNull();
    expect(stepDirection({ ...plain, key: ' ', inTextField: true })).toBeNull();
    expect(stepDirection({ ...plain, key: 'ArrowLeft', modified: true })).toBeNull();
    expect(stepDirection({ ...plain, key: 'Enter' })).toBeNull();
    expect(stepDirection({ ...plain, key: 'j' })).toBeNull();
  });

  it('leaves the arrows to the map and sliders, but pages through from there', () => {
    expect(stepDirection({ ...plain, key: 'ArrowDown', inArrowWidget: true })).toBeNull();
    expect(stepDirection({ ...plain, key: 'ArrowLeft', inArrowWidget: true })).toBeNull();
    expect(stepDirection({ ...plain, key: 'PageDown', inArrowWidget: true })).toBe(1);
  });

  it('leaves Space to the button or link it would press', () => {
    expect(stepDirection({ ...plain, key: ' ', onPressable: true })).toBeNull();
    expect(stepDirection({ ...plain, key: 'ArrowRight', onPressable: true })).toBe(1);
  });
});
