/** Every folder of the corpora and of test/fixtures (for tests that check something on each listing). */
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CORPORA, corporaAvailable } from './corpora';
import { CORPORA_WILD, corporaWildAvailable } from './corporaWild';

/** `root` and the folders below it (not node_modules or .git), at most 8 deep. */
export function foldersUnder(root: string, depth = 0): string[] {
  if (depth > 8) return [];
  const out = [root];
  for (const name of readdirSync(root)) {
    if (name === 'node_modules' || name === '.git') continue;
    const p = join(root, name);
    if (statSync(p).isDirectory()) out.push(...foldersUnder(p, depth + 1));
  }
  return out;
}

/** The corpora (when present) and test/fixtures. */
export const CORPUS_ROOTS = [
  ...(corporaAvailable() ? [CORPORA] : []),
  ...(corporaWildAvailable() ? [CORPORA_WILD] : []),
  resolve('test/fixtures'),
];
