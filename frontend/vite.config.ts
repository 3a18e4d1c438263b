/// <reference types="vitest/config" />
import { createLogger, defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { NodePackageImporter } from 'sass';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { cp, copyFile, mkdir } from 'node:fs/promises';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const govukAssets = resolve(here, 'node_modules/govuk-frontend/dist/govuk/assets');
const swaggerDist = resolve(here, 'node_modules/swagger-ui-dist');
const apiDocsSource = resolve(here, 'api-docs');
const openapiFile = resolve(here, '../openapi.yaml');

/** Files of the static API documentation page (dist/api-docs/): ours plus swagger-ui-dist's, no CDN. */
const apiDocsFiles: Record<string, string> = {
  'index.html': join(apiDocsSource, 'index.html'),
  'api-docs.js': join(apiDocsSource, 'api-docs.js'),
  'api-docs.css': join(apiDocsSource, 'api-docs.css'),
  'swagger-ui.css': join(swaggerDist, 'swagger-ui.css'),
  'swagger-ui-bundle.js': join(swaggerDist, 'swagger-ui-bundle.js'),
  'favicon-32x32.png': join(swaggerDist, 'favicon-32x32.png'),
};

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.yaml': 'application/yaml; charset=utf-8',
};

/**
 * GOV.UK Frontend's images (its CSS points at /assets/images),
 * the API documentation page and, in development, the contract at /openapi.yaml.
 * Served by the dev server and copied into dist/ by the build.
 */
function staticFiles(): Plugin {
  let outDir = resolve(here, 'dist');
  const send = (res: import('node:http').ServerResponse, file: string) => {
    res.setHeader('Content-Type', contentTypes[extname(file)] ?? 'application/octet-stream');
    createReadStream(file).pipe(res);
  };
  return {
    name: 'supervision-static-files',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/');
        if (path === '/openapi.yaml') return send(res, openapiFile);
        if (path === '/api-docs') {
          res.statusCode = 301;
          res.setHeader('Location', '/api-docs/');
          return res.end();
        }
        if (path.startsWith('/api-docs/')) {
          const file = apiDocsFiles[path.slice('/api-docs/'.length) || 'index.html'];
          if (file) return send(res, file);
        }
        if (path.startsWith('/assets/images/')) {
          const file = resolve(govukAssets, path.slice('/assets/'.length));
          if (file.startsWith(govukAssets + sep) && existsSync(file) && statSync(file).isFile()) {
            return send(res, file);
          }
        }
        next();
      });
    },
    async writeBundle() {
      // Images only: the service uses Arial, so GOV.UK's GDS Transport font files are not shipped.
      await cp(join(govukAssets, 'images'), join(outDir, 'assets', 'images'), { recursive: true });
      await cp(join(govukAssets, 'manifest.json'), join(outDir, 'assets', 'manifest.json')).catch(() => undefined);
      await mkdir(join(outDir, 'api-docs'), { recursive: true });
      for (const [name, file] of Object.entries(apiDocsFiles)) {
        await copyFile(file, join(outDir, 'api-docs', name));
      }
    },
  };
}

/**
 * Known, harmless build warnings about GOV.UK Frontend's compiled CSS: its font and image URLs
 * resolve at run time (staticFiles copies them), and its old-IE media hacks are dropped by the
 * minifier. Hidden so that real warnings stand out.
 */
const logger = createLogger();
const known = [
  /\/assets\/images\/[^ ]+ referenced in .* didn't resolve at build time/,
  /\[lightningcss minify\] (Unexpected token ParenthesisBlock|Invalid media query)/,
];
const isKnown = (message: string) => known.some((pattern) => pattern.test(message));
const warn = logger.warn.bind(logger);
const warnOnce = logger.warnOnce.bind(logger);
logger.warn = (message, options) => (isKnown(message) ? undefined : warn(message, options));
logger.warnOnce = (message, options) => (isKnown(message) ? undefined : warnOnce(message, options));

const backend = process.env.SUPERVISION_BACKEND_URL ?? 'http://localhost:8080';

export default defineConfig({
  customLogger: logger,
  plugins: [react(), staticFiles()],
  css: {
    // GOV.UK Frontend's CSS uses constructs lightningcss reports as errors; recover from them.
    lightningcss: { errorRecovery: true },
    // `@use "pkg:govuk-frontend"` (src/styles/govuk.scss) resolves through node_modules.
    preprocessorOptions: {
      scss: { importers: [new NodePackageImporter()], quietDeps: true, silenceDeprecations: ['import'] },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // No source maps in the served build: they would double the size of the backend's jar.
    sourcemap: false,
  },
  server: {
    // Keys starting with ^ are regular expressions: a bare '/api' would also catch /api-docs/.
    proxy: {
      '^/api/': backend,
      '^/health$': backend,
    },
  },
  // `vite preview`: the built dist/ in front of a running backend.
  preview: {
    proxy: {
      '^/api/': backend,
      '^/health$': backend,
      '^/openapi\\.yaml$': backend,
    },
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    restoreMocks: true,
    unstubGlobals: true,
    // Whole-app renders that type into long forms (and seal each draft) pass 5 s on a busy shared box.
    testTimeout: 15_000,
  },
});
