// ESLint's rules for kenes's JavaScript: the browser scripts the web crate serves and the Node tests that check them.
//
// `cargo xtask lint-js` (and `cargo xtask test`) runs it from the project root with `--config xtask/js/eslint.config.js`,
// so the patterns below are relative to the root. The packages come from package-lock.json by `npm ci`.

import js from '@eslint/js';
import globals from 'globals';

export default [
  js.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
    },
    linterOptions: {
      // A disable comment that no longer silences anything is itself an error, so none outlive their reason.
      reportUnusedDisableDirectives: 'error',
    },
    rules: {
      // ES2020 modules throughout: block-scoped bindings, and const wherever a binding never changes.
      'no-var': 'error',
      'prefer-const': 'error',
      eqeqeq: 'error',
      // A name that hides another (a step function and a step name) is how a later edit calls the wrong one.
      'no-shadow': 'error',
    },
  },
  {
    files: ['crates/kenes-web/src/**/*.js'],
    languageOptions: { globals: globals.browser },
  },
  {
    files: ['crates/kenes-web/tests/js/**/*.js', 'crates/kenes-web/tests/js/**/*.mjs'],
    languageOptions: { globals: globals.node },
  },
];
