// ESLint: the project's layering as a test (architecture.md), plus a few rules that catch real mistakes.
// `npm run lint` (part of `npm test`).
import tseslint from 'typescript-eslint';

/** Folders of `src/` above a layer, which that layer may not import. */
const UI_AND_APP = ['reader', 'reader-page', 'popup', 'library', 'background', 'content', 'launcher', 'settings', 'messaging', 'permissions', 'i18n', 'cli'];

/** A `no-restricted-imports` rule forbidding imports of the given `src/` folders from a file in `src/<layer>/`. */
function layer(files, forbidden, message) {
  const patterns = forbidden.map((dir) => ({ group: [`../${dir}`, `../${dir}/*`, `../../src/${dir}/*`], message: `${message} (imports src/${dir})` }));
  return { files, rules: { 'no-restricted-imports': ['error', { patterns }] } };
}

export default tseslint.config(
  { ignores: ['.output/**', '.output-test/**', '.wxt/**', 'node_modules/**', 'bench/.build/**', 'bench/.cache/**', 'demo-output/**'] },
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { parser: tseslint.parser },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'wxt/testing', message: 'Import from wxt/testing/vitest-plugin or wxt/testing/fake-browser (style.md §0).' }] }],
      'no-debugger': 'error',
      'no-dupe-keys': 'error',
      'no-self-assign': 'error',
      'no-unreachable': 'error',
      'no-empty': ['error', { allowEmptyCatch: false }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  // dom/ is the leaf: it imports nothing of ours outside itself.
  layer(['src/dom/**'], ['cleanup', 'aggregators', 'extract', ...UI_AND_APP], 'src/dom is the leaf layer'),
  // cleanup/ and aggregators/ import only dom/ (and never each other).
  layer(['src/cleanup/**'], ['aggregators', 'extract', ...UI_AND_APP], 'src/cleanup may import only src/dom'),
  layer(['src/aggregators/**'], ['cleanup', 'extract', ...UI_AND_APP], 'src/aggregators may import only src/dom'),
  // extract/ is the orchestrator: it never imports UI, storage or the background.
  layer(['src/extract/**'], UI_AND_APP, 'src/extract never imports UI or application layers'),
);
