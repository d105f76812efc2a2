/** The built-in templates and what each implies for the records written from it. */
import type { CollectionDialect, RecordDialect } from '../model';
import type { RelationPlacement } from '../edit/placement';
import { MADR_BARE_MINIMAL_TEMPLATE, MADR_BARE_TEMPLATE, MADR_FULL_TEMPLATE, MADR_MINIMAL_TEMPLATE } from './madr';
import { LOG4BRAINS_TEMPLATE, MADR2_TEMPLATE } from './madr2';
import { NYGARD_TEMPLATE } from './nygard';

/** The built-in templates, plus `custom`: a collection's own template file. */
export type TemplateKind =
  | 'nygard'
  | 'madr-full'
  | 'madr-minimal'
  | 'madr-bare'
  | 'madr-bare-minimal'
  | 'madr2'
  | 'log4brains'
  | 'custom';

/** What a template kind implies for records written from it. */
export interface TemplateInfo {
  readonly kind: TemplateKind;
  /** Human-readable name for pickers. */
  readonly label: string;
  /** The dialect records written from this template are in. */
  readonly dialect: RecordDialect;
  /** The template text (LF line breaks); empty for `custom`, whose text comes from the collection. */
  readonly text: string;
  /** The status a new record gets when the caller names none. */
  readonly defaultStatus: string;
  /** Where relation lines go in records of this template. */
  readonly relations: RelationPlacement;
  /** Bullet marker for metadata and relation lists. */
  readonly bullet: '-' | '*';
}

const INFOS: readonly TemplateInfo[] = [
  { kind: 'nygard', label: 'Nygard (adr-tools)', dialect: 'nygard', text: NYGARD_TEMPLATE, defaultStatus: 'Proposed', relations: 'status-section', bullet: '*' },
  { kind: 'madr-full', label: 'MADR 4 (full)', dialect: 'madr4', text: MADR_FULL_TEMPLATE, defaultStatus: 'proposed', relations: 'links-section', bullet: '*' },
  { kind: 'madr-minimal', label: 'MADR 4 (minimal)', dialect: 'madr4', text: MADR_MINIMAL_TEMPLATE, defaultStatus: 'proposed', relations: 'links-section', bullet: '*' },
  { kind: 'madr-bare', label: 'MADR 4 (bare)', dialect: 'madr4', text: MADR_BARE_TEMPLATE, defaultStatus: 'proposed', relations: 'links-section', bullet: '*' },
  { kind: 'madr-bare-minimal', label: 'MADR 4 (bare, minimal)', dialect: 'madr4', text: MADR_BARE_MINIMAL_TEMPLATE, defaultStatus: 'proposed', relations: 'links-section', bullet: '*' },
  { kind: 'madr2', label: 'MADR 2', dialect: 'madr2', text: MADR2_TEMPLATE, defaultStatus: 'proposed', relations: 'links-section', bullet: '*' },
  // log4brains' own statuses are lower-case (`accepted`, `superseded by ...`), so is its default.
  { kind: 'log4brains', label: 'log4brains', dialect: 'log4brains', text: LOG4BRAINS_TEMPLATE, defaultStatus: 'proposed', relations: 'links-section', bullet: '-' },
  { kind: 'custom', label: "The collection's template", dialect: 'unknown', text: '', defaultStatus: 'Proposed', relations: 'status-section', bullet: '*' },
];

/** Every template kind, built-ins first. */
export const TEMPLATE_KINDS: readonly TemplateKind[] = INFOS.map((i) => i.kind);

/** Facts about a template kind. */
export function templateInfo(kind: TemplateKind): TemplateInfo {
  return INFOS.find((i) => i.kind === kind)!;
}

/** The template a collection of `dialect` uses when it has no template file of its own. */
export function defaultTemplateKind(dialect: CollectionDialect): Exclude<TemplateKind, 'custom'> {
  switch (dialect) {
    case 'adr-tools':
      return 'nygard';
    case 'madr':
      return 'madr-full';
    case 'log4brains':
      return 'log4brains';
    case 'generic':
      return 'nygard';
  }
}

/**
 * Guesses the dialect a template text writes (for `custom` templates): front matter → MADR 4; a
 * `Status:` bullet → MADR 2 (log4brains when bullets are `-` and a `Tags` bullet exists); otherwise
 * Nygard.
 */
export function sniffTemplate(text: string): Pick<TemplateInfo, 'dialect' | 'defaultStatus' | 'relations' | 'bullet'> {
  const t = text.replace(/^\uFEFF/, '');
  if (/^---[ \t]*\r?\n/.test(t)) {
    return { dialect: 'madr4', defaultStatus: 'proposed', relations: 'links-section', bullet: '*' };
  }
  const bullet = /^([-*+])[ \t]+Status[ \t]*:/im.exec(t);
  if (bullet) {
    const dash = bullet[1] === '-';
    const log4brains = dash && /^-[ \t]+Tags[ \t]*:/im.test(t);
    return {
      dialect: log4brains ? 'log4brains' : 'madr2',
      defaultStatus: 'proposed',
      relations: 'links-section',
      bullet: dash ? '-' : '*',
    };
  }
  return { dialect: 'nygard', defaultStatus: 'Proposed', relations: 'status-section', bullet: '*' };
}
