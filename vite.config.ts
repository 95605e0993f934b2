import { defineConfig, type Plugin } from 'vite';

/**
 * The built page's Content-Security-Policy: its own scripts, styles, workers and files only;
 * nothing inline, nothing from elsewhere (the control room's network may be hostile or absent).
 * d3 sets styles through the CSSOM (element.style), which the policy allows; a style="…" written
 * in HTML would be refused. The default scenario is fetched from the page's own folder.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "worker-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * The policy in the built page's head, right after its charset and before anything it loads. At
 * build only: Vite's dev server injects its client and the styles inline, which the policy would
 * (rightly) refuse.
 */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'orderly-content-security-policy',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html) => {
        const charset = /<meta charset="utf-8" \/>\n/;
        if (!charset.test(html)) throw new Error('ui/index.html: expected <meta charset="utf-8" /> to put the Content-Security-Policy after');
        return html.replace(charset, (m) => `${m}    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />\n`);
      },
    },
  };
}

// The page lives in ui/; compute runs in module Web Workers (worker/browser). The built page
// makes no request outside its own origin: no fonts, scripts or tiles from elsewhere.
export default defineConfig({
  root: 'ui',
  base: './',
  publicDir: false,
  plugins: [contentSecurityPolicy()],
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    target: 'es2022',
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 2000,
  },
  worker: { format: 'es' },
  server: { port: 5173, fs: { allow: ['..'] } },
  preview: { port: 4173 },
});
