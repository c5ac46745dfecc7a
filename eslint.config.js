// ESLint (flat config): typescript-eslint and react-hooks. The linters live with the test tools in tests/ (see
// tests/package.json), like Jest: `npm run lint` installs them on first use.
const path = require('path');

const fromTestTools = (name) => require(require.resolve(name, { paths: [path.join(__dirname, 'tests')] }));
const js = fromTestTools('@eslint/js');
const tseslint = fromTestTools('typescript-eslint');
const reactHooks = fromTestTools('eslint-plugin-react-hooks');
const globals = fromTestTools('globals');

module.exports = tseslint.config(
  {
    ignores: [
      'dist/**',
      '**/node_modules/**',
      'playground/dist/**',
      'playground/.tmp/**',
      'playground/.strapi/**',
      'playground/types/generated/**',
      'bench/.app/**',
      'coverage/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // Strapi's own types are loose (`any` at its edges); the plugin narrows them where it reads them.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      // Request and response types are `declare namespace` contracts, as in Strapi's content-releases.
      '@typescript-eslint/no-namespace': ['error', { allowDeclarations: true }],
    },
  },
  {
    // Tests and scripts load the repository's plain CommonJS helpers (scripts/*.js) as they are shipped.
    files: ['tests/**/*.ts', 'scripts/**/*.ts'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['admin/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    files: ['tests/e2e/**/*.js'],
    languageOptions: { globals: { ...globals.browser } },
  }
);
