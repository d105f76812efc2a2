/**
 * adr-tools' reading of a collection, two ways: reproduced here from its scripts (`adr generate toc`
 * takes each title with `head -1 FILE | cut -c 3-`; `_adr_status` prints the non-blank lines of the
 * `## Status` section; `_adr_links` the `VERB [..](NNNN-….md)` ones among them), and run for real
 * when Debian's `adr-tools` is installed (`/usr/bin/adr`), on a copy in a temporary folder.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** `adr generate toc` for `files` (name → text, in `adr list` order). */
export function reproducedToc(files: Record<string, string>): string {
  let out = '# Architecture Decision Records\n\n';
  for (const name of Object.keys(files).sort()) out += `* [${files[name]!.split('\n')[0]!.slice(2)}](${name})\n`;
  return out;
}

/** `_adr_status`: the Status section's non-blank, non-heading lines. */
export function reproducedStatus(text: string): string[] {
  const out: string[] = [];
  let inside = false;
  for (const line of text.split('\n')) {
    if (/^## Status/.test(line)) {
      inside = true;
      continue;
    }
    if (inside && /^#/.test(line)) break;
    if (inside && !/^(#|\s*$)/.test(line)) out.push(line);
  }
  return out;
}

/** `_adr_links`: `N=VERB` for each status line linking a record. */
export function reproducedLinks(text: string): string[] {
  return reproducedStatus(text).flatMap((l) => {
    const m = /^(.+) \[.*\]\(0*([1-9][0-9]*).*\)/.exec(l);
    return m ? [`${m[2]}=${m[1]}`] : [];
  });
}

export const REAL_ADR_TOOLS = existsSync('/usr/bin/adr');

/** Runs `adr ARGS` (real adr-tools) in a fresh folder holding `files` (relative path → text). */
export function runRealAdr(files: Record<string, string>, args: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'adrw-adr-tools-'));
  try {
    for (const [rel, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, rel)), { recursive: true });
      writeFileSync(join(dir, rel), text);
    }
    return execFileSync('/usr/bin/adr', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, VISUAL: '', EDITOR: '' } });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
