// Lint rules that guard the architecture. The key one: src/core is pure TypeScript and must never
// import `vscode` (the CLI and the unit tests run it in plain Node).
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.cache/**', '.vscode-test/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'vscode', message: 'src/core must not depend on vscode: reach the host through src/core/ports.ts.' }],
        patterns: [{ group: ['**/platform/**', '**/extension', '**/cli/**', '**/views/**', '**/commands/**'], message: 'src/core must not import front-end code.' }],
      }],
      'no-restricted-globals': ['error', { name: 'console', message: 'Use the Logger port in core.' }],
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/cli/**'],
    rules: { 'no-console': 'error' },
  },
  {
    files: ['scripts/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' } },
  },
);
