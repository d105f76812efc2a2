/**
 * log4brains: MADR 2 bullets with `-` (`- Status:`, `- Date:`, `- Tags:`), date-named records
 * (`YYYYMMDD-slug.md`), `.log4brains.yml` naming `project.adrFolder` (default `docs/adr`), its
 * `template.md` beside the records; links label a record by its slug. It builds its own site: no index.
 */
import type { DialectDescriptor } from './types';
import { STANDARD_VERBS } from './types';

const clean = (s: string): string => s.trim().replace(/^["']|["']$/g, '').replace(/^\.\//, '').replace(/\/+$/, '');

/** A YAML plain scalar when safe, else a JSON (double-quoted) string. */
function yamlString(s: string): string {
  return /^[A-Za-z0-9 ._-]+$/.test(s) && s.trim() === s && s !== '' ? s : JSON.stringify(s);
}

export const LOG4BRAINS: DialectDescriptor = {
  id: 'log4brains',
  label: 'log4brains',
  collection: 'log4brains',
  records: ['log4brains'],
  detection: { configFiles: ['.log4brains.yml'], folders: ['docs/adr'], clues: ['- Status: bullet', '- Tags: bullet', 'YYYYMMDD-slug.md names'] },
  fields: { title: 'heading', status: 'bullet', date: 'bullet', deciders: 'bullet', relations: 'links-section', governs: 'front-matter' },
  wording: { statusCase: 'lower', newStatus: 'proposed', verbs: { ...STANDARD_VERBS, 'superseded-by': 'superseded by' }, label: 'slug', bullet: '-' },
  templates: { default: 'log4brains', kinds: ['log4brains'], fileNames: ['template.md'], initFileName: 'template.md' },
  layout: { defaultFolder: 'docs/adr', naming: 'date', padding: 0, firstNumber: 1 },
  init: {
    description: '.log4brains.yml, docs/adr, date-named records',
    source: '.log4brains.yml',
    config: {
      file: '.log4brains.yml',
      // The keys `log4brains init` writes.
      content: (rel, projectName, tz) => `---\nproject:\n  name: ${yamlString(projectName || 'project')}\n  tz: ${tz}\n  adrFolder: ./${rel}\n`,
      names: (existing, rel) => {
        const m = /^\s*adrFolder:\s*(.*?)\s*$/m.exec(existing);
        return m !== null && clean(m[1]!) === clean(rel);
      },
    },
  },
  index: 'none',
};
