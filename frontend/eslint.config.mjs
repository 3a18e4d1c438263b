// Lint gate for the frontend (ENGINEERING.md: `eslint . --max-warnings 0` in the test script).
// Pattern: hmpps-template-typescript eslint.config.mjs. Not type-aware (fast, no tsconfig project needed).
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import jsxA11y from 'eslint-plugin-jsx-a11y'
import globals from 'globals'

export default tseslint.config(
  {
    ignores: ['dist/', 'src/api/schema.d.ts', 'e2e/output/', 'node_modules/', 'api-docs/'],
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    extends: [
      js.configs.recommended,
      tseslint.configs.recommended,
      reactHooks.configs.flat.recommended,
      jsxA11y.flatConfigs.recommended,
    ],
    languageOptions: {
      globals: { ...globals.browser },
    },
    rules: {
      // `const { omitted: _x, ...rest } = o` is how a field is left out of a copy.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
      // `autoFocus` on our own NotificationBanner switches the GOV.UK success banner's focus-on-render (govuk-frontend
      // moves focus to it unless data-disable-auto-focus); the rule is for DOM elements, which it still covers.
      'jsx-a11y/no-autofocus': ['error', { ignoreNonDOM: true }],
      // eslint-plugin-react-hooks 7's recommended set adds the React Compiler rules below. They are off until the
      // patterns they flag are reworked (a behaviour change, not a lint fix). Counts when turned off (2026-12-02):
      //   react-hooks/refs 8 (the "latest value in a ref" pattern: ref.current = value during render),
      //   react-hooks/set-state-in-effect 7 (reset to "loading" at the start of a fetch effect),
      //   react-hooks/immutability 1 (AgreementFormPage: an effect's callback uses a function declared below it).
      // rules-of-hooks (error) and exhaustive-deps (warn, so an error under --max-warnings 0) stay on.
      'react-hooks/refs': 'off',
      'react-hooks/set-state-in-effect': 'off',
      'react-hooks/immutability': 'off',
    },
  },
  {
    files: ['e2e/**/*.mjs'],
    extends: [js.configs.recommended],
    languageOptions: {
      // Node test files; the browser names are for the callbacks they pass to page.evaluate/waitForFunction,
      // which run in the page (axe is the axe-core script the helpers inject).
      globals: {
        ...globals.node,
        document: 'readonly',
        window: 'readonly',
        indexedDB: 'readonly',
        PopStateEvent: 'readonly',
        axe: 'readonly',
      },
    },
  },
)
