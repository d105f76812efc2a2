// A few more records for the workspace that the UI end-to-end tests and `npm start` open, so the
// Decisions view shows more than one status: the adr-tools corpus records are all Accepted.
// Written before the workspace's first commit (see assembleWorkspace), so they are not untracked
// changes. The integration suite opens the plain fixture (nine Accepted records) without them.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const REPLACED = '0007-invoke-adr-config-executable-to-get-configuration.md';
const REPLACED_LABEL = '7. Invoke adr-config executable to get configuration';
const REPLACEMENT = '0012-read-configuration-from-environment-variables.md';
const REPLACEMENT_LABEL = '12. Read configuration from environment variables';

/** The records added, by file name (all in doc/adr/). */
export const showcaseRecords = {
  '0010-publish-a-homebrew-formula.md': `# 10. Publish a Homebrew formula

Date: 2024-03-04

## Status

Proposed

## Context

Most users on macOS install command-line tools with Homebrew. Today they clone the repository and
put \`src/\` on their \`PATH\` by hand.

## Decision

Publish a Homebrew formula from each release tag.

## Consequences

Every release needs a tarball with a stable checksum.
`,
  '0011-rewrite-in-python.md': `# 11. Rewrite in Python

Date: 2024-03-11

## Status

Rejected

## Context

Shell scripts are hard to test on every platform.

## Decision

Keep the shell scripts: a Python rewrite would add a runtime dependency for every user.

## Consequences

Portability problems are fixed in the scripts themselves.
`,
  [REPLACEMENT]: `# ${REPLACEMENT_LABEL}

Date: 2024-04-02

## Status

Accepted

Supersedes [${REPLACED_LABEL}](${REPLACED})

## Context

Packagers found the \`adr-config\` executable awkward to install next to \`adr\`, and
[6. Packaging and distribution in other version control repositories](0006-packaging-and-distribution-in-other-version-control-repositories.md)
asks for as few files as possible.

## Decision

Read the configuration from \`ADR_*\` environment variables, with built-in defaults.

## Consequences

Packagers set variables in a wrapper script instead of shipping an extra executable.
`,
};

/** Writes the showcase records into `<workspace>/doc/adr/` and marks record 7 as superseded. */
export function addShowcaseRecords(workspace) {
  const adr = join(workspace, 'doc/adr');
  for (const [name, text] of Object.entries(showcaseRecords)) writeFileSync(join(adr, name), text);
  const replaced = join(adr, REPLACED);
  const before = readFileSync(replaced, 'utf8');
  const after = before.replace(/(## Status\r?\n\r?\n)Accepted\b/, `$1Superseded by [${REPLACEMENT_LABEL}](${REPLACEMENT})`);
  if (after === before) throw new Error(`${replaced}: no "Accepted" status line to supersede`);
  writeFileSync(replaced, after);
}
