import { fileURLToPath, URL } from 'node:url'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vitest/config'

const r = (path: string) => fileURLToPath(new URL(path, import.meta.url))

export default defineConfig({
  root: r('./playground'),
  plugins: [vue()],
  resolve: {
    // the package's public names, resolved to the sources (the playground imports them as a user's app would)
    alias: [
      { find: /^portico\/components$/, replacement: r('./src/components/index.ts') },
      { find: /^portico$/, replacement: r('./src/index.ts') },
    ],
  },
  server: {
    port: Number(process.env.PORTICO_PLAYGROUND_PORT ?? 5173),
    strictPort: true,
    // the end-to-end suites freeze the sources they load: an edit elsewhere in the tree must not reload their pages
    ...(process.env.PORTICO_DEV_NO_WATCH ? { hmr: false, watch: null } : {}),
    // transform the entry and the pages at start-up, so the first visit does not wait for them
    warmup: { clientFiles: ['./src/main.ts', './src/pages/*.vue'] },
    proxy: {
      // same-origin Frontend API: the __client cookie stays first-party
      '/__clerk': {
        target: process.env.PORTICO_SERVER_URL ?? 'http://127.0.0.1:4000',
        rewrite: path => path.replace(/^\/__clerk/, ''),
      },
    },
  },
  build: {
    outDir: r('./dist'),
    emptyOutDir: true,
    lib: {
      entry: { portico: r('./src/index.ts'), contract: r('./src/contract/index.ts'), components: r('./src/components/index.ts') },
      formats: ['es'],
    },
    rollupOptions: {
      external: ['vue', 'pinia', 'vue-router', '@vueuse/core', 'zod', /^zod\//],
      // one file per source module: with package.json's `sideEffects`, an app's bundler drops every
      // module it does not use (the contract schemas and zod in production, unused components), which
      // shared chunks would defeat (bench/size measures through this build)
      output: { preserveModules: true, preserveModulesRoot: r('./src') },
    },
  },
  test: {
    root: r('.'),
    restoreMocks: true,
    // integration suites hash real argon2id passwords: allow for a busy two-core machine
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'client',
          environment: 'happy-dom',
          include: ['test/**/*.test.ts'],
          exclude: ['test/e2e/**'],
          // puts back the Cookie, Origin and Set-Cookie headers happy-dom's Request/Response drop (the in-process server needs them)
          setupFiles: ['test/helpers/keepServerHeaders.ts'],
          // type contracts of the public API: `expectTypeOf` assertions checked by tsc, never run
          typecheck: { enabled: true, include: ['test/types/**/*.test-d.ts'], tsconfig: './tsconfig.json', ignoreSourceErrors: true },
        },
      },
      {
        extends: true,
        test: {
          name: 'server',
          environment: 'node',
          include: ['server/test/**/*.test.ts'],
        },
      },
    ],
  },
})
