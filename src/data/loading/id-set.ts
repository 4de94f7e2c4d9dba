import { fnv1a } from '../model/derive-id.ts';

/**
 * A set of ids built for a million of them: an open-addressing table of 32-bit string hashes
 * (FNV-1a) over typed arrays, comparing the strings themselves only where two hashes meet. A Set of
 * a million ids is slower to build while merging a dataset's parts, most of it spent growing and
 * rehashing its table (docs/performance.md).
 */
export class IdSet {
  private readonly ids: string[] = [];
  /** Per slot: the index in `ids` of the id there, or -1. */
  private slots: Int32Array;
  private hashes: Uint32Array;

  /** `expected`: about how many ids will be added (it grows past that if need be). */
  constructor(expected = 16) {
    const size = tableSizeFor(expected);
    this.slots = new Int32Array(size).fill(-1);
    this.hashes = new Uint32Array(size);
  }

  get size(): number {
    return this.ids.length;
  }

  /** Adds the id and returns true, or returns false when it is in the set already. */
  add(id: string): boolean {
    const hash = fnv1a(id);
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const index = this.slots[slot] as number;
      if (index === -1) {
        this.slots[slot] = this.ids.length;
        this.hashes[slot] = hash;
        this.ids.push(id);
        // At most half full, so that a look-up finds a free slot within a few steps.
        if (this.ids.length * 2 > this.slots.length) this.grow();
        return true;
      }
      if (this.hashes[slot] === hash && this.ids[index] === id) return false;
    }
  }

  private grow(): void {
    const size = this.slots.length * 2;
    const mask = size - 1;
    const slots = new Int32Array(size).fill(-1);
    const hashes = new Uint32Array(size);
    for (let old = 0; old < this.slots.length; old += 1) {
      const index = this.slots[old] as number;
      if (index === -1) continue;
      const hash = this.hashes[old] as number;
      let slot = hash & mask;
      while (slots[slot] !== -1) slot = (slot + 1) & mask;
      slots[slot] = index;
      hashes[slot] = hash;
    }
    this.slots = slots;
    this.hashes = hashes;
  }
}

function tableSizeFor(expected: number): number {
  let size = 16;
  while (size < expected * 2) size *= 2;
  return size;
}
