// ESLint: typescript-eslint's recommended rules for the TypeScript, eslint-plugin-astro's for pages.
import { defineConfig } from 'eslint/config';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import astro from 'eslint-plugin-astro';
import globals from 'globals';

export default defineConfig(
  { ignores: ['dist/', '.astro/', '.test-sites/', 'bench-out/', 'node_modules/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // Control characters in regexes are deliberate: input cleaning, and \x00 placeholders that no text can contain.
      'no-control-regex': 'off',
      // `_`-prefixed names are deliberately unused (destructuring that drops a field).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  { files: ['public/**/*.js', 'src/scripts/**/*.ts'], languageOptions: { globals: { ...globals.browser, ...globals.serviceworker } } },
);
