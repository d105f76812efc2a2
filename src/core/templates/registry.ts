/** Choosing the template a new record of a collection is written from. */
import type { Collection } from '../model';
import { join } from '../paths';
import type { FileSystem } from '../ports';
import { decodeText } from '../text';
import { TEMPLATE_FILE_NAMES } from '../dialects';
import { defaultTemplateKind, sniffTemplate, templateInfo, type TemplateInfo, type TemplateKind } from './kinds';

/** A template ready to render: a built-in kind, or a collection's file. */
export interface ResolvedTemplate {
  readonly kind: TemplateKind;
  /** Template text (LF or CRLF as the file has it). */
  readonly text: string;
  /** The file it came from, for `custom`. */
  readonly path?: string;
  readonly dialect: TemplateInfo['dialect'];
  readonly defaultStatus: string;
  readonly relations: TemplateInfo['relations'];
  readonly bullet: TemplateInfo['bullet'];
}

/**
 * Template files a collection may keep beside its records, most specific first:
 * adr-tools' `templates/template.md`, log4brains' `template.md`, MADR's `adr-template.md`.
 */
export const COLLECTION_TEMPLATE_NAMES: readonly string[] = TEMPLATE_FILE_NAMES;

/** An explicit template choice (front-end options); empty means "the collection's". */
export interface TemplateChoice {
  /** A built-in template, overriding the collection's own. */
  readonly kind?: Exclude<TemplateKind, 'custom'>;
  /** A template file (adr-tools' `$ADR_TEMPLATE`), overriding everything else. */
  readonly path?: string;
}

/**
 * The template for a new record in `collection`: an explicit file, an explicit built-in kind, the
 * collection's `templatePath`, a template file in the folder, or the dialect's default — in that
 * order (adr-tools: `$ADR_TEMPLATE`, then `templates/template.md`, then its built-in template).
 */
export async function resolveTemplate(fs: FileSystem, collection: Collection, choice: TemplateChoice = {}): Promise<ResolvedTemplate> {
  if (choice.path) return readCustom(fs, choice.path);
  if (choice.kind) return builtin(choice.kind);
  if (collection.templatePath) return readCustom(fs, collection.templatePath);
  for (const name of COLLECTION_TEMPLATE_NAMES) {
    const path = join(collection.path, name);
    const stat = await fs.stat(path);
    if (stat?.kind === 'file') return readCustom(fs, path);
  }
  return builtin(defaultTemplateKind(collection.dialect));
}

/** A built-in template as a `ResolvedTemplate`. */
export function builtin(kind: Exclude<TemplateKind, 'custom'>): ResolvedTemplate {
  const info = templateInfo(kind);
  return { kind, text: info.text, dialect: info.dialect, defaultStatus: info.defaultStatus, relations: info.relations, bullet: info.bullet };
}

async function readCustom(fs: FileSystem, path: string): Promise<ResolvedTemplate> {
  // A missing file rejects with the port's FileNotFoundError, which names the path.
  const { text } = decodeText(await fs.readFile(path), path);
  return { kind: 'custom', text, path, ...sniffTemplate(text) };
}
