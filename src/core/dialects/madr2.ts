/**
 * MADR 2: `* Status:` / `* Deciders:` / `* Date:` bullets under the title, `## Links` bullets
 * (`* Supersedes [ADR-0001](0001-x.md)`), lower-case statuses, `docs/adr`, from 0000, `template.md`.
 */
import { STANDARD_VERBS, type DialectDescriptor } from './types';

export const MADR2: DialectDescriptor = {
  id: 'madr2',
  label: 'MADR 2',
  collection: 'madr',
  records: ['madr2'],
  detection: { configFiles: [], folders: ['docs/adr'], clues: ['* Status: bullet under the title', '## Links list'] },
  fields: { title: 'heading', status: 'bullet', date: 'bullet', deciders: 'bullet', relations: 'links-section', governs: 'front-matter' },
  wording: { statusCase: 'lower', newStatus: 'proposed', verbs: { ...STANDARD_VERBS, 'superseded-by': 'superseded by' }, label: 'adr-id', bullet: '*' },
  templates: { default: 'madr2', kinds: ['madr2'], fileNames: ['template.md'], initFileName: 'template.md' },
  layout: { defaultFolder: 'docs/adr', naming: 'number', padding: 4, firstNumber: 0 },
  index: 'adr-log',
};
