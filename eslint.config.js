// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const uiOnly = ['react', 'react-dom', 'react-dom/*', 'zustand', 'zustand/*', 'monaco-editor', 'monaco-editor/*', 'd3', 'd3-*', '@xterm/*'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'playwright-report/**', 'test-results/**', 'coverage/**', 'public/**', 'tests/book/diamol/**', 'tests/node-apps/apps/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
      'no-control-regex': 'off',
    },
  },
  {
    // The engine is pure TypeScript: no UI libraries, no UI code, no DOM, no Node, no ambient time or randomness.
    files: ['src/engine/**/*.ts'],
    languageOptions: { globals: { ...globals.es2021 } },
    rules: {
      'no-restricted-imports': ['error', {
        paths: [
          ...uiOnly.filter((p) => !p.includes('*')).map((name) => ({ name, message: 'src/engine must not import UI libraries.' })),
          // Exact module names (as patterns, "fs" and "path" would also match the engine's own src/engine/fs/ and path.ts).
          ...['fs', 'path', 'os', 'crypto', 'child_process', 'worker_threads'].map((name) => ({ name, message: 'src/engine must not import Node built-ins; inject them.' })),
        ],
        patterns: [
          { group: uiOnly.filter((p) => p.includes('*')), message: 'src/engine must not import UI libraries.' },
          { group: ['**/ui/**', '**/ui', '**/lessons/**', '**/node/**'], message: 'src/engine must not import UI, lesson or Node host code.' },
          { group: ['node:*'], message: 'src/engine must not import Node built-ins; inject them.' },
        ],
      }],
      'no-restricted-properties': ['error',
        { object: 'Date', property: 'now', message: 'Use the injected clock.' },
        { object: 'Math', property: 'random', message: 'Use the injected random source.' },
        { object: 'performance', property: 'now', message: 'Use the injected clock.' },
      ],
      'no-restricted-syntax': ['error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Use the injected clock.' },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'indexedDB', 'navigator', 'process', 'require'],
    },
  },
  {
    // Engine tests run in Node and may read fixtures from disk; the engine's own sources may not.
    files: ['src/engine/**/*.test.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: { 'no-restricted-imports': 'off', 'no-restricted-globals': 'off' },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}', 'src/lessons/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    // Typed seams: the UI, the lessons and the engine use real types (or `unknown` and narrowing), never `any`.
    // The runtime's Node-API shims take arbitrary user values, so they are exempt.
    files: ['src/ui/**/*.{ts,tsx}', 'src/lessons/**/*.{ts,tsx}', 'src/engine/**/*.ts'],
    ignores: ['src/engine/runtime/nodejs/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'error' },
  },
  {
    files: ['src/node/**/*.ts', 'scripts/**/*.ts', 'e2e/**/*.ts', 'bin/**/*.mjs', '*.config.{ts,js}', '.ci/**'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // The CLI's launcher and bundle loader are CommonJS (no ES module loader at start-up).
    files: ['bin/**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
