// Lint rules that guard the architecture (docs/architecture.md). src/core is pure TypeScript and
// must never import `vscode` (the CLI and the unit tests run it in plain Node). The extension side
// is layered: core ← platform ← host ← features ← extension.ts; a feature never imports another
// feature (the composition root, src/extension.ts, hands one feature's offer to another).
import tseslint from 'typescript-eslint';

const FEATURES = ['agents', 'authoring', 'codelinks', 'decisions', 'documents', 'graph', 'review'];

/** `no-restricted-imports` patterns for a file in `src/features/<feature>/`: no other feature. */
const otherFeatures = (feature) => FEATURES.filter((f) => f !== feature).map((f) => ({
  group: [`**/features/${f}`, `**/features/${f}/**`, `../${f}`, `../${f}/**`],
  message: `src/features/${feature} must not import src/features/${f}: take it as a dependency from src/extension.ts (types in src/host/contracts.ts).`,
}));

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
        patterns: [{ group: ['**/platform/**', '**/extension', '**/cli/**', '**/host/**', '**/features/**', '**/webviews/**'], message: 'src/core must not import front-end code.' }],
      }],
      'no-restricted-globals': ['error', { name: 'console', message: 'Use the Logger port in core.' }],
    },
  },
  {
    files: ['src/platform/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['**/host', '**/host/**', '**/features/**', '**/extension', '**/cli/**'], message: 'src/platform holds adapters over core ports: it imports core only.' }],
      }],
    },
  },
  {
    files: ['src/host/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['**/features', '**/features/**', '**/extension', '**/cli/**'], message: 'src/host is the shared kit: it imports core and platform, never a feature or the composition root.' }],
      }],
    },
  },
  ...FEATURES.map((feature) => ({
    files: [`src/features/${feature}/**/*.ts`],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          ...otherFeatures(feature),
          { group: ['**/extension', '**/cli/**'], message: 'A feature does not import the composition root or the CLI.' },
        ],
      }],
    },
  })),
  {
    files: ['src/webviews/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'vscode', message: 'A webview page runs in the browser: it talks to the extension through its protocol only.' }],
        patterns: [{ group: ['**/core/**', '**/host/**', '**/features/**', '**/platform/**'], message: 'A webview page imports its protocol only.' }],
      }],
    },
  },
  {
    // The graph page lays out in the browser with the core's graph module (pure, no Node API) and its types.
    files: ['src/webviews/graph/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'vscode', message: 'A webview page runs in the browser: it talks to the extension through its protocol only.' }],
        patterns: [
          { regex: '(^|/)core/(?!graph/|model$)', message: 'The graph page imports its protocol, src/core/graph and the model\'s types only.' },
          { group: ['**/host/**', '**/features/**', '**/platform/**'], message: 'A webview page imports its protocol only.' },
        ],
      }],
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
