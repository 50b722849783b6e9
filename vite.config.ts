import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import solid from 'vite-plugin-solid';
import { viteSingleFile } from 'vite-plugin-singlefile';
import { KEYGEN_FRAME_SCRIPT } from './src/workers/keygen-frame-source.ts';

// Two builds from one source:
//  - default: dist/ (served by `npm start`)
//  - `--mode single`: dist-single/upki-workbench.html, every script, style and inline worker (`?worker&inline`)
//    inlined, for air-gapped machines that open it from file://.
const SINGLE_FILE_NAME = 'upki-workbench.html';

export default defineConfig(({ mode }) => {
  const single = mode === 'single';
  const outDir = single ? 'dist-single' : 'dist';
  return {
    base: './',
    // public/ files would be copied beside the single file, not into it.
    publicDir: single ? false : 'public',
    plugins: single
      ? [inlineWorkers(), solid(), viteSingleFile({ removeViteModuleLoader: true, outputFileName: SINGLE_FILE_NAME }), cspHashes(SINGLE_FILE_NAME), keygenFrameCsp()]
      : [solid(), devCsp(), keygenFrameCsp()],
    // Classic (iife) workers in the single file: Chromium refuses a *module* worker from a blob: URL on a file:// page.
    worker: { format: single ? 'iife' : 'es' },
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      chunkSizeWarningLimit: 4000,
    },
    preview: { host: '127.0.0.1', port: 4173, strictPort: true },
    server: { host: '127.0.0.1' },
  };
});

/**
 * The single file carries its code as inline <script>/<style>, which `script-src 'self'` blocks.
 * Decision: allow exactly those blocks by their SHA-256 hash rather than 'unsafe-inline', so an injected inline
 * script would still be refused. Runs after the file is written, so the hashes cover the final bytes.
 */
function cspHashes(fileName: string): Plugin {
  // Placeholders put in before inlining (so vite-plugin-singlefile sees a hash source and does not warn),
  // replaced by the real hashes once the file is written.
  const SCRIPT_MARK = "'sha256-@inline-scripts@'";
  const STYLE_MARK = "'sha256-@inline-styles@'";
  let outDir = '';
  return {
    name: 'upki:csp-hashes',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    transformIndexHtml: {
      order: 'pre',
      handler: (html) =>
        html.replace("script-src 'self'", `script-src 'self' ${SCRIPT_MARK}`).replace("style-src 'self'", `style-src 'self' ${STYLE_MARK}`),
    },
    async closeBundle() {
      const file = join(outDir, fileName);
      const html = await readFile(file, 'utf8');
      const hashes = (tag: string) =>
        [...html.matchAll(new RegExp(`<${tag}\\b([^>]*)>([\\s\\S]*?)</${tag}>`, 'g'))]
          .filter((m) => !/\bsrc=/.test(m[1]))
          .map((m) => `'sha256-${createHash('sha256').update(m[2], 'utf8').digest('base64')}'`)
          .join(' ');
      const patched = html.replace(SCRIPT_MARK, hashes('script')).replace(STYLE_MARK, hashes('style'));
      if (patched.includes(SCRIPT_MARK) || patched.includes(STYLE_MARK) || patched === html) {
        throw new Error(`${file}: could not put the inline hashes into the Content-Security-Policy`);
      }
      await writeFile(file, patched);
    },
  };
}

/**
 * Workers: import them as `import KeygenWorker from './keygen.worker?worker'` and `new KeygenWorker()`.
 * The normal build emits the worker as its own file; in the single-file build this rewrites `?worker` to
 * `?worker&inline`, so the worker travels inside the HTML and starts from a blob: URL (a file:// page cannot
 * start a worker from a file). The `new Worker(new URL(...))` form is NOT inlined: do not use it.
 */
function inlineWorkers(): Plugin {
  return {
    name: 'upki:inline-workers',
    enforce: 'pre',
    async resolveId(source, importer) {
      if (!source.endsWith('?worker')) return null;
      const target = await this.resolve(source.slice(0, -'?worker'.length), importer, { skipSelf: true });
      return target ? `${target.id}?worker&inline` : null;
    },
  };
}

/**
 * The RA page's key helper frame (src/workers/keygen-frame-source.ts) runs one fixed inline script in a sandboxed
 * srcdoc iframe, which inherits the page's policy: allow exactly that script by its hash, in every build and in dev.
 */
function keygenFrameCsp(): Plugin {
  const hash = `'sha256-${createHash('sha256').update(KEYGEN_FRAME_SCRIPT, 'utf8').digest('base64')}'`;
  return {
    name: 'upki:keygen-frame-csp',
    transformIndexHtml: {
      order: 'pre',
      handler: (html) => {
        if (!html.includes("script-src 'self'")) throw new Error('index.html: no script-src to add the key helper frame to');
        return html.replace("script-src 'self'", `script-src 'self' ${hash}`);
      },
    },
  };
}

/** The dev server injects CSS as <style> elements: relax style-src there only (never in a build). */
function devCsp(): Plugin {
  return {
    name: 'upki:dev-csp',
    apply: 'serve',
    transformIndexHtml: (html) => html.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"),
  };
}
