/** The static site's page script, bundled by scripts/esbuild-site-client.mjs. */
declare module 'adrw:site-client' {
  const script: string;
  export default script;
}
