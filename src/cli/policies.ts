/** The sign-off policies of collections (`.adr-workbench.yml` `signoff`), read once each; their warnings go to stderr. */
import { policyFor, policyRoot, type SignoffPolicy } from '../core/signoff';
import type { CliIO } from './io';
import { rel } from './adrTools';

export async function collectionPolicies(io: CliIO, collections: readonly string[]): Promise<Map<string, SignoffPolicy>> {
  const policies = new Map<string, SignoffPolicy>();
  const root = await policyRoot(io.fs, io.cwd);
  for (const c of collections) {
    if (policies.has(c)) continue;
    const read = await policyFor(io.fs, c, c.startsWith(root) ? root : c);
    for (const w of read.warnings) io.stderr(`adr-workbench: ${read.file ? `${rel(io, read.file)}: ` : ''}${w}\n`);
    policies.set(c, read.policy);
  }
  return policies;
}
