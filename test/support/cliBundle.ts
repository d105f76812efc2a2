/**
 * The whole CLI as one file (src/cli/main.ts bundled), for tests that install it where a hook or a
 * workflow runs `node <file>`. The static site's page script comes from an esbuild plugin in the
 * real build (scripts/esbuild-site-client.mjs); these bundles never run `site`, so it is left out.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export function bundleSingleCli(outfile: string): void {
  execFileSync(join('node_modules', '.bin', 'esbuild'), [
    'src/cli/main.ts', '--bundle', '--platform=node', '--format=cjs', `--outfile=${outfile}`, '--log-level=error', '--external:adrw:site-client',
  ]);
}
