/** Titles in Korean, alone or mixed with Latin words, for property tests of derived ids. */
import fc from 'fast-check';

const hangulSyllable = fc
  .integer({ min: 0xac00, max: 0xd7a3 })
  .map((code) => String.fromCharCode(code));
const hangulWord = fc.string({ unit: hangulSyllable, minLength: 1, maxLength: 5 });

/** "신포 잠수함", "Sinpo 신포 발사", "평양": words of Hangul syllables, some Latin among them. */
export const koreanTitle = fc
  .array(fc.oneof(hangulWord, hangulWord, fc.constantFrom('Sinpo', 'KCNA', '2024', 'ICBM')), {
    minLength: 1,
    maxLength: 5,
  })
  .map((words) => words.join(' '));
