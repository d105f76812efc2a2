/**
 * MADR 4 (adr/madr 4.x): YAML front matter (`status`, `date`, `decision-makers`, `consulted`,
 * `informed`), lower-case statuses, `docs/decisions`, records `NNNN-slug.md` from 0000, the template
 * `adr-template.md` beside them. Relations: a `## Links` list (what every reader recognises).
 */
import { STANDARD_VERBS, type DialectDescriptor } from './types';

export const MADR4: DialectDescriptor = {
  id: 'madr4',
  label: 'MADR 4',
  collection: 'madr',
  records: ['madr4'],
  detection: {
    configFiles: [],
    folders: ['docs/decisions'],
    clues: ['front matter status/date/decision-makers', '## Context and Problem Statement', '## Considered Options'],
  },
  fields: { title: 'heading', status: 'front-matter', date: 'front-matter', deciders: 'front-matter', relations: 'links-section', governs: 'front-matter' },
  wording: { statusCase: 'lower', newStatus: 'proposed', verbs: { ...STANDARD_VERBS, 'superseded-by': 'superseded by' }, label: 'adr-id', bullet: '*' },
  templates: {
    default: 'madr-full',
    kinds: ['madr-full', 'madr-minimal', 'madr-bare', 'madr-bare-minimal'],
    fileNames: ['adr-template.md', 'template.md'],
    initFileName: 'adr-template.md',
  },
  layout: { defaultFolder: 'docs/decisions', naming: 'number', padding: 4, firstNumber: 0 },
  init: { description: 'docs/decisions, 0000-use-markdown-architectural-decision-records.md', source: 'convention' },
  index: 'adr-log',
};
