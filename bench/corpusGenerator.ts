/**
 * Generates a large mixed-dialect collection from the real corpora: each generated record is a real
 * record (Nygard, MADR front matter, MADR 2 / log4brains bullets) renumbered and retitled, with a
 * supersede chain every 50 records so relations and their inverses are exercised.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS_FOLDERS, corpusRecordFiles } from '../test/support/corpora';

export interface GeneratedCollection {
  readonly root: string;
  readonly folder: string;
  readonly files: string[];
  readonly bytes: number;
}

export function generateCollection(root: string, count: number): GeneratedCollection {
  rmSync(root, { recursive: true, force: true });
  const folder = join(root, 'docs', 'adr');
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(root, '.adr-dir'), 'docs/adr\n');
  const sources = Object.keys(CORPUS_FOLDERS).flatMap((c) => corpusRecordFiles(c)).map((f) => readFileSync(f, 'utf8'));
  const width = String(count).length + 1;
  const files: string[] = [];
  let bytes = 0;
  for (let i = 1; i <= count; i++) {
    const src = sources[i % sources.length]!;
    const num = String(i).padStart(width, '0');
    const title = `Generated decision ${i}`;
    let text = src.replace(/^# .*$/m, `# ${i}. ${title}`);
    if (i % 50 === 0) {
      const prev = `${String(i - 1).padStart(width, '0')}-generated-decision-${i - 1}.md`;
      text += `\n## Links\n\n* Supersedes [${i - 1}. Generated decision ${i - 1}](${prev})\n`;
    }
    const name = `${num}-generated-decision-${i}.md`;
    const path = join(folder, name);
    writeFileSync(path, text);
    files.push(path);
    bytes += Buffer.byteLength(text);
  }
  return { root, folder, files, bytes };
}
