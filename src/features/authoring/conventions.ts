/**
 * The collection conventions Initialize Collection offers, from the core dialect descriptors
 * (`core/dialects`): where records go, which config file says so, and what `init` writes there is
 * planned once in `core/dialects/init.ts`, for the CLI and the extension alike. No vscode import.
 */
import { INIT_DIALECTS, type BuiltinTemplateKind, type DialectDescriptor } from '../../core/dialects';
import { planInit, type InitPlan } from '../../core/dialects/init';
import { UserError } from '../../core/errors';
import { isAbsolute, isInside, normalize, resolve } from '../../core/paths';

export type Convention = 'adr-tools' | 'madr' | 'log4brains';

export interface ConventionInfo {
  readonly id: Convention;
  readonly label: string;
  readonly description: string;
  /** Records folder, relative to the workspace folder. */
  readonly defaultFolder: string;
  /** The template the first record is written in. */
  readonly template: BuiltinTemplateKind;
  readonly dialect: DialectDescriptor;
}

export const CONVENTIONS: readonly ConventionInfo[] = INIT_DIALECTS.map((d) => ({
  id: d.collection as Convention,
  label: d.label,
  description: d.init!.description,
  defaultFolder: d.layout.defaultFolder,
  template: d.templates.default,
  dialect: d,
}));

export function conventionInfo(id: Convention): ConventionInfo {
  return CONVENTIONS.find((c) => c.id === id)!;
}

export type { InitPlan } from '../../core/dialects/init';

/** An error message for a records folder typed by the user, or undefined when it is acceptable. */
export function checkFolder(folder: string): string | undefined {
  const f = folder.trim().replace(/\\/g, '/');
  if (f === '') return 'Required';
  if (isAbsolute(f)) return 'A folder relative to the workspace folder';
  if (f.split('/').includes('..')) return 'A folder inside the workspace folder';
  return undefined;
}

/** What initializing `convention` at `folder` (relative to `root`) creates: the core plan, for a folder inside `root`. */
export function initPlan(convention: Convention, root: string, folder: string, projectName: string, timeZone?: string): InitPlan {
  const problem = checkFolder(folder);
  if (problem) throw new UserError(`${folder}: ${problem.toLowerCase()}`);
  const rel = normalize(folder.trim().replace(/\\/g, '/')).replace(/^\.\//, '').replace(/\/+$/, '');
  const path = resolve(root, rel);
  if (!isInside(root, path) || path === normalize(root)) throw new UserError(`${folder}: a folder inside the workspace folder`);
  return planInit(conventionInfo(convention).dialect, {
    root, folder: path, projectName, timeZone: timeZone ?? (Intl.DateTimeFormat().resolvedOptions().timeZone || 'Etc/UTC'),
  });
}
