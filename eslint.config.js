import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import { readdirSync } from 'node:fs';

/**
 * The layers (docs/architecture.md): app → features → data → nothing, with lib generic beside
 * them, and the data server (src/server, Node only) → data. Inside data, the model stands alone and each concern imports only what is below it.
 * Features never import each other: the app passes what one needs from another.
 */
const FEATURES = readdirSync('src/features', { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const DATA_MAY_IMPORT = {
  model: [],
  query: ['model'],
  import: ['model'],
  export: ['model'],
  url: ['model', 'query'],
  loading: ['model', 'import', 'url', 'server-view'],
  'server-view': ['model', 'query'],
  story: ['model', 'query'],
};
const dataZones = Object.entries(DATA_MAY_IMPORT).map(([concern, allowed]) => ({
  target: `./src/data/${concern}`,
  from: Object.keys(DATA_MAY_IMPORT)
    .filter((other) => other !== concern && !allowed.includes(other))
    .map((other) => `./src/data/${other}`),
  message: `data/${concern} may import only ${['itself', ...allowed].join(', ')} of data/.`,
}));
const LAYER_ZONES = [
  {
    target: './src/lib',
    from: ['./src/app', './src/features', './src/data'],
    message: 'lib/ is generic: it imports nothing of the app.',
  },
  {
    target: './src/data',
    from: ['./src/app', './src/features'],
    message: 'data/ imports no feature and not the app.',
  },
  {
    target: './src/features',
    from: './src/app',
    message: 'Features do not import the app: it passes them what they need.',
  },
  {
    target: './src/server',
    from: ['./src/app', './src/features'],
    message: 'The data server uses the data layer, never the page.',
  },
  {
    target: ['./src/app', './src/features', './src/data', './src/lib'],
    from: './src/server',
    message: 'Nothing of the page imports the data server (Node only).',
  },
  ...FEATURES.map((feature) => ({
    target: `./src/features/${feature}`,
    from: './src/features',
    except: [`./${feature}`],
    message: 'Features never import each other: the app puts them together.',
  })),
  ...dataZones,
];

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-subpath',
      'dist-published',
      '.adhoc',
      'bench/.cache',
      'node_modules',
      'playwright-report',
      'test-results',
      // Compiled by `npm run i18n` from the .po catalogues beside them.
      'src/locales/*.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
    },
    plugins: { 'react-hooks': reactHooks, 'import-x': importX },
    settings: {
      'import-x/resolver-next': [
        createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs'] }),
      ],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: LAYER_ZONES }],
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Event text is untrusted data: render it as text.',
        },
      ],
    },
  },
  {
    files: ['src/features/offline/service-worker.js'],
    languageOptions: { globals: { ...globals.serviceworker } },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
  },
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
);
