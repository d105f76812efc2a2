/**
 * Any other collection (numbered Markdown records no tool names): read best-effort, and written like
 * Nygard (status section, `Date:` line) but with standard spelling ("Supersedes", "Superseded by").
 * New records follow their siblings' shape (templates/shape.ts) whenever there are siblings.
 */
import { STANDARD_VERBS, type DialectDescriptor } from './types';

export const GENERIC: DialectDescriptor = {
  id: 'generic',
  label: 'Other',
  collection: 'generic',
  records: ['unknown'],
  detection: { configFiles: [], folders: [], clues: ['numbered Markdown files'] },
  fields: { title: 'heading', status: 'section', date: 'line', deciders: 'none', relations: 'status-section', governs: 'line' },
  wording: { statusCase: 'capitalised', newStatus: 'Proposed', verbs: STANDARD_VERBS, label: 'heading', bullet: '*' },
  templates: { default: 'nygard', kinds: [], fileNames: ['templates/template.md', 'template.md', 'adr-template.md'] },
  layout: { defaultFolder: 'docs/adr', naming: 'number', padding: 4, firstNumber: 1 },
  index: 'adr-tools',
};
