/**
 * adr-tools (npryce/adr-tools) and Michael Nygard's format: `# N. Title`, `Date:` line, a `## Status`
 * section whose first line is the status and whose later paragraphs are relation links, written with
 * adr-tools' own spelling "Supercedes" / "Superceded by". `.adr-dir` names the folder (default
 * `doc/adr`); records `NNNN-slug.md` from 1; `generate toc` lists them. See templates/nygard.ts.
 */
import { STANDARD_VERBS, type DialectDescriptor } from './types';

const clean = (s: string): string => s.trim().replace(/^\.\//, '').replace(/\/+$/, '');

export const ADR_TOOLS: DialectDescriptor = {
  id: 'adr-tools',
  label: 'adr-tools (Michael Nygard)',
  collection: 'adr-tools',
  records: ['nygard'],
  detection: {
    configFiles: ['.adr-dir'],
    folders: ['doc/adr'],
    clues: ['# N. Title', 'Date: line', '## Status section'],
  },
  fields: { title: 'heading', status: 'section', date: 'line', deciders: 'none', relations: 'status-section', governs: 'line' },
  wording: {
    statusCase: 'capitalised',
    newStatus: 'Accepted',
    verbs: { ...STANDARD_VERBS, supersedes: 'Supercedes', 'superseded-by': 'Superceded by' },
    label: 'heading',
    bullet: '*',
  },
  templates: { default: 'nygard', kinds: ['nygard'], fileNames: ['templates/template.md'] },
  layout: { defaultFolder: 'doc/adr', naming: 'number', padding: 4, firstNumber: 1 },
  init: {
    description: 'doc/adr, .adr-dir, 0001-record-architecture-decisions.md',
    source: '.adr-dir',
    config: {
      file: '.adr-dir',
      // adr-tools: `echo "$DIR" > .adr-dir`.
      content: (rel) => `${rel}\n`,
      names: (existing, rel) => clean(existing.split(/\r?\n/)[0] ?? '') === clean(rel),
    },
  },
  index: 'adr-tools',
};
