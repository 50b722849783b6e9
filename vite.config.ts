import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';
import { viteSingleFile } from 'vite-plugin-singlefile';

// Two builds from one source:
//  - default: dist/ (served by `npm start`)
//  - `--mode single`: dist-single/upki-workbench.html, every script and style inlined,
//    for air-gapped machines that open it from file://.
export default defineConfig(({ mode }) => {
  const single = mode === 'single';
  return {
    base: './',
    plugins: single ? [solid(), viteSingleFile({ removeViteModuleLoader: true })] : [solid()],
    worker: { format: 'es' },
    build: {
      outDir: single ? 'dist-single' : 'dist',
      emptyOutDir: true,
      target: 'es2022',
      chunkSizeWarningLimit: 4000,
      rollupOptions: single ? { output: { inlineDynamicImports: true } } : {},
    },
    preview: { host: '127.0.0.1', port: 4173, strictPort: true },
    server: { host: '127.0.0.1' },
  };
});
