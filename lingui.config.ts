import { defineConfig } from '@lingui/cli';
import { formatter } from '@lingui/format-po';

// The interface's catalogues (docs/architecture.md, "Languages"). `npm run i18n` extracts every
// `i18n._('…')` message into src/locales/<language>.po and compiles them to src/locales/*.ts.
export default defineConfig({
  sourceLocale: 'en',
  locales: ['en', 'ko', 'en-XA'],
  pseudoLocale: 'en-XA',
  fallbackLocales: { 'en-XA': 'en' },
  catalogs: [
    {
      path: '<rootDir>/src/locales/{locale}',
      include: ['<rootDir>/src'],
      exclude: ['**/*.test.ts', '**/*.test.tsx', '**/node_modules/**'],
    },
  ],
  orderBy: 'messageId',
  // Files without line numbers: an edit elsewhere in a file does not churn the catalogues.
  format: formatter({ lineNumbers: false }),
});
