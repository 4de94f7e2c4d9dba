/**
 * `npm run check:cycles`: no module may reach itself through its imports. The layer rules
 * themselves are ESLint's (eslint.config.js); this is the cycle check they cannot make.
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A cycle makes load order matter and a layer impossible to read on its own.',
      from: { path: '^(src|scripts|e2e)/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
