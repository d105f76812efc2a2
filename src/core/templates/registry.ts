/** Choosing the template a new record of a collection is written from. */
import type { Collection } from '../model';
import { join } from '../paths';
import type { DirectoryEntry, FileSystem } from '../ports';
import { decodeText } from '../text';
import { TEMPLATE_FILE_NAMES } from '../dialects';
import { adrsDefault, adrsTemplate, findAdrsConfig } from './adrs';
import { inferTemplate } from './shape';
import { newestSiblingTexts, parseSiblings } from './siblings';
import { adrToolsShape } from './adrToolsShape';
import { defaultTemplateKind, sniffTemplate, type TemplateKind } from './kinds';
import { builtin, type ResolvedTemplate } from './resolved';

export { builtin, type ResolvedTemplate } from './resolved';

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
 * The template for a new record in `collection`, the first of: an explicit file, an explicit
 * built-in kind, the collection's `templatePath`, a template file in the folder (adr-tools:
 * `$ADR_TEMPLATE`, then `templates/template.md`), the template `adrs.toml` names, the shape of the
 * collection's newest records (templates/shape.ts), adrs' default in an adrs collection, and the
 * dialect's built-in template.
 */
export async function resolveTemplate(fs: FileSystem, collection: Collection, choice: TemplateChoice = {}, listing?: readonly DirectoryEntry[]): Promise<ResolvedTemplate> {
  if (choice.path) return readCustom(fs, choice.path);
  if (choice.kind) return builtin(choice.kind);
  if (collection.templatePath) return readCustom(fs, collection.templatePath);
  for (const name of COLLECTION_TEMPLATE_NAMES) {
    const path = join(collection.path, name);
    const stat = await fs.stat(path);
    if (stat?.kind === 'file') return readCustom(fs, path);
  }
  const adrs = await findAdrsConfig(fs, collection.path);
  const configured = adrs ? adrsTemplate(adrs) : undefined;
  if (configured) return configured;
  // adr-tools' own shape is told from the text; any other is inferred from the parsed records.
  const siblings = await newestSiblingTexts(fs, collection, undefined, listing);
  const shaped = adrToolsShape(siblings) ?? inferTemplate(parseSiblings(siblings, collection));
  if (shaped) return shaped;
  if (adrs) return adrsDefault(adrs);
  return builtin(defaultTemplateKind(collection.dialect));
}

/** A built-in template as a `ResolvedTemplate`. */

async function readCustom(fs: FileSystem, path: string): Promise<ResolvedTemplate> {
  // A missing file rejects with the port's FileNotFoundError, which names the path.
  const { text } = decodeText(await fs.readFile(path), path);
  return { kind: 'custom', text, path, ...sniffTemplate(text) };
}
