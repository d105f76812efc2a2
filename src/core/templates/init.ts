/**
 * The first record of a new collection (`init`), per template kind. Nygard is adr-tools' own
 * `src/init.md` ("1. Record architecture decisions", written with the title `record-architecture-decisions`
 * as `adr init` does). The MADR and log4brains ones record the choice of that format, in that format,
 * with the template's own sections, accepted on the day of writing.
 */
import type { TemplateKind } from './kinds';
import { NYGARD_INIT_TEMPLATE } from './nygard';
import { builtin, type ResolvedTemplate } from './resolved';

/** What `init` writes as the first record. */
export interface InitRecord {
  /** The template to render (placeholders: TITLE and DATE, plus front-matter / bullet metadata). */
  readonly template: ResolvedTemplate;
  /** The title passed to the renderer and slugged into the file name. */
  readonly title: string;
  /** The status written, in the dialect's case. */
  readonly status: string;
}

const MADR_TITLE = 'Use Markdown Architectural Decision Records';

/** The question and the options, shared by every format's first record. */
function problemAndOptions(bullet: '*' | '-', format: string): string {
  return '## Context and Problem Statement\n' +
    '\n' +
    'We want to record the architecturally significant decisions of this project: what was decided, ' +
    'which options were considered, and why. Which format should these records follow?\n' +
    '\n' +
    '## Considered Options\n' +
    '\n' +
    `${bullet} ${format}\n` +
    `${bullet} Michael Nygard's template (Context, Decision, Consequences)\n` +
    `${bullet} No fixed format\n`;
}

const MADR4_INIT =
  '---\n' +
  'status: accepted\n' +
  'date: DATE\n' +
  '---\n' +
  '\n' +
  '# TITLE\n' +
  '\n' +
  problemAndOptions('*', 'MADR 4 (Markdown Architectural Decision Records)') +
  '\n' +
  '## Decision Outcome\n' +
  '\n' +
  'Chosen option: "MADR 4", because it records the considered options and their trade-offs, keeps ' +
  'its metadata in front matter that tools can read, and is plain Markdown kept next to the code.\n' +
  '\n' +
  '### Consequences\n' +
  '\n' +
  '* Good, because every decision is written the same way and kept in one folder.\n' +
  '* Bad, because writing a record takes a few minutes more than a chat message.\n' +
  '\n' +
  '## More Information\n' +
  '\n' +
  'See <https://adr.github.io/madr/> for the format.\n';

const bulletInit = (bullet: '*' | '-', format: string, extra: string): string =>
  '# TITLE\n' +
  '\n' +
  `${bullet} Status: accepted\n` +
  `${bullet} Date: DATE\n` +
  extra +
  '\n' +
  problemAndOptions(bullet, format) +
  '\n' +
  '## Decision Outcome\n' +
  '\n' +
  `Chosen option: "${format}", because it records the considered options and their trade-offs ` +
  'and is plain Markdown kept next to the code.\n';

/** The first record for a collection of `kind` (`custom` is treated as Nygard). */
export function initRecord(kind: TemplateKind): InitRecord {
  switch (kind) {
    case 'madr-full':
    case 'madr-minimal':
    case 'madr-bare':
    case 'madr-bare-minimal':
      return { template: { ...builtin('madr-full'), kind: 'custom', text: MADR4_INIT }, title: MADR_TITLE, status: 'accepted' };
    case 'madr2':
      return { template: { ...builtin('madr2'), kind: 'custom', text: bulletInit('*', 'MADR 2', '') }, title: MADR_TITLE, status: 'accepted' };
    case 'log4brains':
      return {
        template: { ...builtin('log4brains'), kind: 'custom', text: bulletInit('-', 'MADR as written by Log4brains', '- Tags: documentation\n') },
        title: MADR_TITLE,
        status: 'accepted',
      };
    default:
      return { template: { ...builtin('nygard'), kind: 'custom', text: NYGARD_INIT_TEMPLATE }, title: 'record-architecture-decisions', status: 'Accepted' };
  }
}
