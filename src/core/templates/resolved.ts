/** A template ready to render, and the built-in ones (no imports of the template choosers, so
 * they can all use it). */
import { templateInfo, type TemplateInfo, type TemplateKind } from './kinds';

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
  /** The siblings' own words per status ("Aceito" for accepted), for inferred templates. */
  readonly statusWords?: Readonly<Partial<Record<string, string>>>;
  /** The records an inferred template copies the shape of. */
  readonly inferredFrom?: readonly string[];
}

export function builtin(kind: Exclude<TemplateKind, 'custom'>): ResolvedTemplate {
  const info = templateInfo(kind);
  return { kind, text: info.text, dialect: info.dialect, defaultStatus: info.defaultStatus, relations: info.relations, bullet: info.bullet };
}
