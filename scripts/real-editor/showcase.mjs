// A few more records for the workspace that the UI end-to-end tests and `npm start` open, so the
// Decisions view shows more than one status: the adr-tools corpus records are all Accepted.
// Written before the workspace's first commit (see assembleWorkspace), so they are not untracked
// changes. The integration suite opens the plain fixture (nine Accepted records) without them.
// The sample that `npm start` opens adds more on top (see below).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

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

// The sample workspace that `npm start` opens adds, to the showcase records, something for every
// feature: `Governs:` lines on two records, code naming decisions in comments (one of them the
// superseded record 7), and, after the first commit, an uncommitted architectural change for the
// Architecture Review (a new dependency in a manifest, a new Dockerfile). The UI tests do not use
// it: they count what the showcase alone shows.

/** Records that get a `Governs:` line (adr-tools' place for it: under the Date line), by file name. */
const GOVERNED = {
  '0003-single-command-with-subcommands.md': ['src/cli.ts'],
  [REPLACEMENT]: ['src/config.ts'],
};

/** Files of the sample committed with the records (workspace-relative path → text). */
export const sampleFiles = {
  'README.md': `# ADR Workbench sample workspace

A copy of adr-tools' own decision records (doc/adr/) plus a few more, made a git repository with
one commit and then changed, so that every part of ADR Workbench has something to show:

- **Decisions** (the ADR Workbench icon in the activity bar): twelve records of four statuses;
  record 7 is superseded by record 12 and sits under it.
- **Code ↔ decision links**: open \`src/config.ts\`. Record 12 governs it (its \`Governs:\` line), so a
  CodeLens at the top names it; the comments name ADR-0012 and ADR-0007, a superseded decision,
  whose lens names its successor. \`src/cli.ts\` is governed by record 3 and links to it by path.
  **Decisions for This File**, below Decisions, follows the editor.
- **Architecture Review** (the status bar's "undocumented" count, or ADR: Show Architecture Review):
  the working change adds the \`pg\` dependency to \`package.json\` and a \`Dockerfile\`, and no record
  documents either: Draft ADR writes one.
- **Authoring**: ADR: New Decision…, Change Status…, Supersede… in the command palette (category
  ADR), the Decisions view's toolbar and its context menu.

This folder is a throw-away copy: \`npm start\` makes a fresh one each time.
`,
  'src/config.ts': `// Configuration of the adr command.
export interface Config {
  readonly dir: string;
  readonly template?: string;
}

// ADR-0012: configuration comes from ADR_* environment variables.
export function configFromEnvironment(env: Record<string, string | undefined>): Config {
  return { dir: env.ADR_DIR ?? 'doc/adr', template: env.ADR_TEMPLATE };
}

// Kept for old installs (ADR-0007).
export function configFromExecutable(output: string): Config {
  const [dir = 'doc/adr'] = output.split('\\n');
  return { dir };
}
`,
  'package.json': `${JSON.stringify({
    name: 'adr-tools-web', version: '1.0.0', private: true, dependencies: { express: '^4.19.2' },
  }, null, 2)}\n`,
};

/** The uncommitted change the Architecture Review shows (workspace-relative path → new text). */
export const sampleWorkingChange = {
  'package.json': `${JSON.stringify({
    name: 'adr-tools-web', version: '1.0.0', private: true, dependencies: { express: '^4.19.2', pg: '^8.11.0' },
  }, null, 2)}\n`,
  Dockerfile: 'FROM node:20-alpine\nWORKDIR /app\nCOPY . .\nRUN npm ci --omit=dev\nCMD ["node", "src/server.js"]\n',
};

function writeFiles(workspace, files) {
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(workspace, rel)), { recursive: true });
    writeFileSync(join(workspace, rel), text);
  }
}

/** Adds the sample's records' `Governs:` lines and its files (before the first commit). */
export function addSampleFiles(workspace) {
  for (const [name, globs] of Object.entries(GOVERNED)) {
    const file = join(workspace, 'doc/adr', name);
    const before = readFileSync(file, 'utf8');
    const line = `Governs: ${globs.map((g) => `\`${g}\``).join(', ')}`;
    const after = before.replace(/^(Date: [^\n]*\n)/m, `$1\n${line}\n`);
    if (after === before) throw new Error(`${file}: no Date line to put a Governs line under`);
    writeFileSync(file, after);
  }
  writeFiles(workspace, sampleFiles);
}

/** Makes the sample's uncommitted change (after the first commit). */
export function addSampleWorkingChange(workspace) {
  writeFiles(workspace, sampleWorkingChange);
}
