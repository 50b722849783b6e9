// ESLint (flat config): typescript-eslint (type-aware), eslint-plugin-solid, eslint-plugin-regexp, run by `npm run lint`.
// The regexp plugin's super-linear rules are the reason this exists: user input (TSV cells, pasted PEM, rosters)
// goes through regexes, and a pattern that backtracks quadratically freezes the page or the CLI (issue 10).
import js from '@eslint/js';
import regexp from 'eslint-plugin-regexp';
import solid from 'eslint-plugin-solid/configs/typescript';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'dist-single/', 'dist-cli/', 'node_modules/', 'test-results/', 'playwright-report/', '.tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  regexp.configs['flat/recommended'],
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['*.js', '*.mjs', 'bin/*.mjs', 'scripts/*.mjs'] }, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node, ...globals.worker },
    },
    rules: {
      // Not in `recommended`, but exactly the class of bug issue 10 found: make them errors.
      'regexp/no-super-linear-backtracking': 'error',
      'regexp/no-super-linear-move': 'error',
      // Spreading a user-sized array into arguments overflows the stack past ~125k items (a big roster crashed the
      // builder, issue 10): Math.max/min take a loop or reduce instead.
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='Math'][callee.property.name=/^(max|min)$/] > SpreadElement",
          message: 'No spread into Math.max/min: a large array overflows the stack. Use a loop or reduce.',
        },
      ],
      // Unused names starting with `_` are deliberate (placeholders in destructuring and callbacks).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Solid ignores what an event handler returns, and our async handlers keep their own error state (busy flag,
      // error signal); wrapping each in `() => void f()` would add noise without catching anything more.
      // Promises passed where a plain callback is expected elsewhere (arguments, variables) are still errors.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      // Store transactions and worker handlers are typed to return a Promise; an `async` callback without `await`
      // is the plain way to satisfy that, not a bug.
      '@typescript-eslint/require-await': 'off',
      // The character-set rules (TSV cells, PKCS#8 passwords, ISO-2022 detection) must name control characters.
      'no-control-regex': 'off',
      // U+3000 (the Japanese full-width space) is real content in messages, test data and patterns.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true, skipRegExps: true, skipComments: true }],
    },
  },
  {
    // Tests read JSON printed by the CLI or returned from the page (`any` by nature) and check it with expect():
    // the assertion is the type check there.
    files: ['**/*.test.ts', 'e2e/**/*.ts', 'src/**/*.testkit.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['src/ui/**/*.tsx', 'src/ui/**/*.ts'],
    ...solid,
  },
  {
    // Plain JavaScript files (scripts, the CLI launcher, this config): no type information to lint with.
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
