// An esbuild plugin: `import script from 'adrw:site-client'` is the static site's page script
// (src/webviews/site/main.ts, bundled for the browser and minified) as a string, so the CLI carries
// it inside its own bundle and writes it to the site as assets/site.js.
import * as esbuild from 'esbuild';

export const siteClientPlugin = {
  name: 'adrw-site-client',
  setup(build) {
    build.onResolve({ filter: /^adrw:site-client$/ }, () => ({ path: 'site-client', namespace: 'adrw-site-client' }));
    build.onLoad({ filter: /.*/, namespace: 'adrw-site-client' }, async () => {
      const r = await esbuild.build({
        entryPoints: ['src/webviews/site/main.ts'], bundle: true, minify: true, format: 'iife', platform: 'browser',
        target: 'es2020', write: false, legalComments: 'none', metafile: true, logLevel: 'warning',
      });
      return {
        contents: `export default ${JSON.stringify(r.outputFiles[0].text)};`,
        loader: 'js',
        watchFiles: Object.keys(r.metafile.inputs),
      };
    });
  },
};
