import antfu from '@antfu/eslint-config'

const vueImports = ['vue', 'pinia', '@vueuse/core', 'vue-router']

export default antfu(
  {
    vue: true,
    typescript: true,
    ignores: ['dist/**', 'server/dist/**', '.portico/**', 'results/**', '**/*.md'],
  },
  {
    // zod is always imported as a namespace; only src/core/fapi imports ofetch
    rules: {
      'no-restricted-syntax': ['error', {
        selector: 'ImportDeclaration[source.value="zod"] > ImportSpecifier',
        message: 'Use `import * as z from \'zod\'`.',
      }],
      'no-restricted-imports': ['error', {
        paths: [
          { name: 'ofetch', message: 'Only src/core/fapi talks to the network.' },
        ],
      }],
    },
  },
  {
    // the layers below Vue stay framework-agnostic: the server imports src/contract too
    files: ['src/contract/**', 'src/core/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [
          { name: 'ofetch', message: 'Only src/core/fapi talks to the network.' },
          ...vueImports.map(name => ({ name, message: 'src/contract and src/core import no Vue.' })),
        ],
        patterns: [{ group: ['@vue/*', '@vueuse/*', '*.vue'], message: 'src/contract and src/core import no Vue.' }],
      }],
    },
  },
  {
    files: ['src/core/fapi/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['@vue/*', '@vueuse/*', '*.vue'], message: 'src/contract and src/core import no Vue.' }],
        paths: [
          ...vueImports.map(name => ({ name, message: 'src/contract and src/core import no Vue.' })),
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
