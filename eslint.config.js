import antfu from '@antfu/eslint-config'

const vueImports = ['vue', 'pinia', '@vueuse/core', 'vue-router']
// classic zod weighs ~17 KB more than zod/mini in an app bundle (issue 6 budgets); the server may use it
const networkGlobals = ['fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource']
const onlyFapi = 'Only src/core/fapi talks to the network.'
const classicZod = { name: 'zod', message: 'The SDK uses `import * as z from \'zod/mini\'`.', allowTypeImports: true }

export default antfu(
  {
    vue: true,
    typescript: true,
    ignores: ['dist/**', 'server/dist/**', '.portico/**', 'results/**', '**/*.md'],
  },
  {
    // zod (and zod/mini) is always imported as a namespace
    rules: {
      'no-restricted-syntax': ['error', {
        selector: 'ImportDeclaration[source.value="zod"] > ImportSpecifier',
        message: 'Use `import * as z from \'zod\'`.',
      }, {
        selector: 'ImportDeclaration[source.value="zod/mini"] > ImportSpecifier',
        message: 'Use `import * as z from \'zod/mini\'`.',
      }],
    },
  },
  {
    files: ['src/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [classicZod] }],
      // only src/core/fapi talks to the network
      'no-restricted-globals': ['error', ...networkGlobals.map(name => ({ name, message: onlyFapi }))],
      'no-restricted-properties': ['error', ...['globalThis', 'window', 'self'].flatMap(object =>
        networkGlobals.map(property => ({ object, property, message: onlyFapi })))],
    },
  },
  {
    // the layers below Vue stay framework-agnostic: the server imports src/contract too
    files: ['src/contract/**', 'src/core/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [
          ...vueImports.map(name => ({ name, message: 'src/contract and src/core import no Vue.' })),
          classicZod,
        ],
        patterns: [{ group: ['@vue/*', '@vueuse/*', '*.vue'], message: 'src/contract and src/core import no Vue.' }],
      }],
    },
  },
  {
    files: ['src/core/fapi/**'],
    rules: {
      'no-restricted-globals': 'off',
      'no-restricted-properties': 'off',
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['@vue/*', '@vueuse/*', '*.vue'], message: 'src/contract and src/core import no Vue.' }],
        paths: [
          ...vueImports.map(name => ({ name, message: 'src/contract and src/core import no Vue.' })),
          classicZod,
        ],
      }],
    },
  },
  {
    files: ['server/**', 'scripts/**', 'bench/**', 'test/**', 'playground/**', '*.config.ts'],
    rules: {
      'no-console': 'off',
      'node/prefer-global/process': 'off',
      'node/prefer-global/buffer': 'off',
    },
  },
)
