/**
 * The dialect registry: one descriptor per file, listed here. Lookups by collection dialect, record
 * dialect and template kind; everything dialect-specific that writers need comes from here.
 */
import type { CollectionDialect, RecordDialect } from '../model';
import { ADR_TOOLS } from './adrTools';
import { GENERIC } from './generic';
import { LOG4BRAINS } from './log4brains';
import { MADR2 } from './madr2';
import { MADR3 } from './madr3';
import { MADR4 } from './madr4';
import type { BuiltinTemplateKind, DialectDescriptor, DialectId } from './types';

export type {
  BuiltinTemplateKind, DialectDescriptor, DialectId, FieldHome, GovernsHome, IndexConvention, InitConfig, LabelStyle, Verbs,
} from './types';
export { STANDARD_VERBS } from './types';
export { ADR_TOOLS, GENERIC, LOG4BRAINS, MADR2, MADR3, MADR4 };

/** Every dialect, in the order pickers show them. */
export const DIALECTS: readonly DialectDescriptor[] = [ADR_TOOLS, MADR4, MADR3, MADR2, LOG4BRAINS, GENERIC];

/** The dialects `init` offers. */
export const INIT_DIALECTS: readonly DialectDescriptor[] = DIALECTS.filter((d) => d.init !== undefined);

export function dialectById(id: DialectId): DialectDescriptor {
  return DIALECTS.find((d) => d.id === id)!;
}

/** The descriptor new records of a collection of `dialect` are written by (MADR: MADR 4). */
export function dialectOfCollection(dialect: CollectionDialect): DialectDescriptor {
  switch (dialect) {
    case 'adr-tools':
      return ADR_TOOLS;
    case 'madr':
      return MADR4;
    case 'log4brains':
      return LOG4BRAINS;
    case 'generic':
      return GENERIC;
  }
}

/**
 * The descriptor of a record of `dialect` in a collection of `collection`: a Nygard record is
 * adr-tools' only in an adr-tools collection (or when the collection is not known); elsewhere it is
 * written like the generic dialect (standard spelling).
 */
export function dialectOfRecord(dialect: RecordDialect, collection?: CollectionDialect): DialectDescriptor {
  if (dialect === 'unknown' || dialect === 'nygard') return collection === undefined || collection === 'adr-tools' ? ADR_TOOLS : GENERIC;
  return DIALECTS.find((d) => d.records.includes(dialect))!;
}

/** The dialect a built-in template writes. */
export function dialectOfTemplate(kind: BuiltinTemplateKind): DialectDescriptor {
  return DIALECTS.find((d) => d.templates.kinds.includes(kind))!;
}

/** Template files a collection may keep beside its records, most specific first (every dialect's). */
export const TEMPLATE_FILE_NAMES: readonly string[] = [...new Set([...GENERIC.templates.fileNames, ...DIALECTS.flatMap((d) => d.templates.fileNames)])];

/** Supersede spelling: adr-tools' "Superceded" or the standard "Superseded". */
export type Spelling = 'adr-tools' | 'standard';

/**
 * The spelling to write: what the records already say ("Superceded" / "Superseded" in `texts`),
 * else adr-tools' in an adr-tools collection (or an unknown one, for Nygard records) and the
 * standard one everywhere else.
 */
export function spellingFor(texts: readonly string[], collection: CollectionDialect | undefined, dialect?: RecordDialect): Spelling {
  let c = 0;
  let s = 0;
  for (const t of texts) {
    c += (t.match(/\bsupercede/gi) ?? []).length;
    s += (t.match(/\bsupersede/gi) ?? []).length;
  }
  if (c !== s) return c > s ? 'adr-tools' : 'standard';
  if (collection !== undefined) return collection === 'adr-tools' ? 'adr-tools' : 'standard';
  return dialect === undefined || dialect === 'nygard' || dialect === 'unknown' ? 'adr-tools' : 'standard';
}
