// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import astro from 'eslint-plugin-astro';
import globals from 'globals';

export default tseslint.config(
  // editions/*/site/ is an earlier edition's built output, kept as published.
  {
    ignores: ['dist/', '.astro/', '.tmp/', '.tools/', 'reports/', 'test-results/', 'node_modules/', 'editions/*/site/'],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  ...astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
  {
    // The flowchart layout looks up nodes in maps it filled itself, and tests index into results
    // they just asserted on; a runtime check there would be dead code, so `!` is allowed here.
    files: ['src/lib/decide/flowchart.ts', 'tests/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
