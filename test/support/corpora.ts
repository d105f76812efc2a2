/** Where the shared real-world ADR corpora are: `../shared/corpora` beside the checkout, or $ADRW_CORPORA. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const CORPORA = resolve(process.env.ADRW_CORPORA ?? join(process.cwd(), '..', 'shared', 'corpora'));

/** Each corpus: its record folders (relative to the corpus) and how many records each holds. */
export const CORPUS_FOLDERS: Record<string, string[]> = {
  'adr-tools': ['doc/adr'],
  jabref: ['docs/decisions'],
  'cloud-platform': ['architecture-decision-record'],
  log4brains: ['docs/adr', 'packages/core/docs/adr', 'packages/web/docs/adr'],
  madr: ['docs/decisions'],
};

const NOT_RECORDS = /^(readme|index|template.*|adr-template.*)\.md$/i;

/** Absolute paths of every record file of a corpus, sorted. */
export function corpusRecordFiles(corpus: string): string[] {
  const out: string[] = [];
  for (const folder of CORPUS_FOLDERS[corpus]!) {
    const dir = join(CORPORA, corpus, folder);
    for (const name of readdirSync(dir).sort()) {
      if (name.endsWith('.md') && !NOT_RECORDS.test(name)) out.push(join(dir, name));
    }
  }
  return out;
}

export function readCorpusFile(path: string): Uint8Array {
  return readFileSync(path);
}

export function corporaAvailable(): boolean {
  return existsSync(CORPORA);
}
