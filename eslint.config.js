import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { plugin as portolan } from './eslint/boundaries.js';

// The domain layer must stay framework-free so it can be tested and reused on its own.
const uiLibraries = ['react', 'react-dom', 'react/*', 'react-dom/*', 'zustand', 'zustand/*', '@xyflow/*'];

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', 'bench/out', 'eslint/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // The service worker is plain JavaScript, copied into the build as it is (see vite.config.ts).
    files: ['src/app/offline/service-worker.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: globals.serviceworker,
    },
  },
  {
    files: ['src/**/*.tsx', 'src/app/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['src/domain/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: uiLibraries,
              message: 'src/domain is pure TypeScript: UI libraries belong in src/app.',
            },
          ],
        },
      ],
    },
  },
  {
    // Folder boundaries by path: the domain never imports the app, and a static import across
    // folders goes through the folder's index.ts (eslint/boundaries.js; the graph: ARCHITECTURE.md).
    files: ['src/**/*.{ts,tsx}'],
    plugins: { portolan },
    rules: { 'portolan/boundaries': 'error' },
  },
  {
    // Every plan edit is a command (src/app/commands/): its label, keys and menus come from there.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/app/commands/**', 'src/**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.name='commit'], CallExpression[callee.property.name='commit']",
          message: 'Edit the plan through a command: add it in src/app/commands/ and call run(id, args).',
        },
      ],
    },
  },
  {
    files: ['eslint.config.js', 'eslint/**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
