/** The built-in templates and what each implies for the records written from it. */
import type { CollectionDialect, RecordDialect } from '../model';
import type { RelationPlacement } from '../edit/placement';
import { dialectOfCollection, dialectOfTemplate, type BuiltinTemplateKind } from '../dialects';
import { MADR_BARE_MINIMAL_TEMPLATE, MADR_BARE_TEMPLATE, MADR_FULL_TEMPLATE, MADR_MINIMAL_TEMPLATE } from './madr';
import { LOG4BRAINS_TEMPLATE, MADR2_TEMPLATE } from './madr2';
import { NYGARD_TEMPLATE } from './nygard';

/** The built-in templates, plus `custom`: a collection's own template file. */
export type TemplateKind = BuiltinTemplateKind | 'custom';

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

const TEXTS: Record<Exclude<TemplateKind, 'custom'>, [label: string, text: string]> = {
  nygard: ['Nygard (adr-tools)', NYGARD_TEMPLATE],
  'madr-full': ['MADR 4 (full)', MADR_FULL_TEMPLATE],
  'madr-minimal': ['MADR 4 (minimal)', MADR_MINIMAL_TEMPLATE],
  'madr-bare': ['MADR 4 (bare)', MADR_BARE_TEMPLATE],
  'madr-bare-minimal': ['MADR 4 (bare, minimal)', MADR_BARE_MINIMAL_TEMPLATE],
  madr2: ['MADR 2', MADR2_TEMPLATE],
  log4brains: ['log4brains', LOG4BRAINS_TEMPLATE],
};

/** What a built-in template implies, from the dialect that owns it (dialects/*). */
function infoOf(kind: Exclude<TemplateKind, 'custom'>): TemplateInfo {
  const d = dialectOfTemplate(kind);
  const [label, text] = TEXTS[kind];
  return {
    kind,
    label,
    dialect: d.records[0]!,
    text,
    // A template's own default is "proposed", cased as the dialect writes statuses (log4brains'
    // statuses are lower-case: `accepted`, `superseded by ...`).
    defaultStatus: d.wording.statusCase === 'lower' ? 'proposed' : 'Proposed',
    relations: d.fields.relations,
    bullet: d.wording.bullet,
  };
}

const INFOS: readonly TemplateInfo[] = [
  ...(Object.keys(TEXTS) as Exclude<TemplateKind, 'custom'>[]).map(infoOf),
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
  return dialectOfCollection(dialect).templates.default;
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
