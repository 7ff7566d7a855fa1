import nx from '@nx/eslint-plugin';

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  { ignores: ['**/dist', '**/node_modules', '**/generated', 'tmp', '.nx', '**/vite.config.*.timestamp*'] },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.cjs', '**/*.mjs'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: [],
          depConstraints: [
            // The web app may import only shared libs, so server code never reaches the bundle; the API
            // only backend and shared code; shared libs never import an app.
            { sourceTag: 'scope:frontend', onlyDependOnLibsWithTags: ['scope:frontend', 'scope:shared'] },
            { sourceTag: 'scope:backend', onlyDependOnLibsWithTags: ['scope:backend', 'scope:shared'] },
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            // Between libs: contracts is the vocabulary every other project speaks, so it imports none
            // of ours; the domain rules, the interview content, the board binding and the board protocol build on it alone.
            { sourceTag: 'lib:contracts', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'lib:domain', onlyDependOnLibsWithTags: ['lib:contracts'] },
            { sourceTag: 'lib:content', onlyDependOnLibsWithTags: ['lib:contracts'] },
            { sourceTag: 'lib:board', onlyDependOnLibsWithTags: ['lib:contracts'] },
            { sourceTag: 'lib:protocol', onlyDependOnLibsWithTags: ['lib:contracts'] },
          ],
        },
      ],
    },
  },
  {
    // Infrastructure serves every capability, so it imports none of them; a capability's code that
    // base needs (like the Public decorator) belongs in base.
    files: ['apps/api/src/base/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^(\\.\\./)+core(/|$)', message: 'base/ is infrastructure and must not import from core/.' }] },
      ],
    },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
];
