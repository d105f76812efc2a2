/**
 * The collection conventions Initialize Collection writes, as plain data: where records go, which
 * config file says so, and the collection the first record is created in. No vscode import.
 */
import { UserError } from '../core/errors';
import type { Collection } from '../core/model';
import { isAbsolute, isInside, join, normalize, resolve } from '../core/paths';
import type { TemplateKind } from '../core/templates';

export type Convention = 'adr-tools' | 'madr' | 'log4brains';

export interface ConventionInfo {
  readonly id: Convention;
  readonly label: string;
  readonly description: string;
  /** Records folder, relative to the workspace folder. */
  readonly defaultFolder: string;
  /** The template the first record is written in. */
  readonly template: Exclude<TemplateKind, 'custom'>;
}

export const CONVENTIONS: readonly ConventionInfo[] = [
  { id: 'adr-tools', label: 'adr-tools (Michael Nygard)', description: 'doc/adr, .adr-dir, 0001-record-architecture-decisions.md', defaultFolder: 'doc/adr', template: 'nygard' },
  { id: 'madr', label: 'MADR 4', description: 'docs/decisions, 0000-use-markdown-architectural-decision-records.md', defaultFolder: 'docs/decisions', template: 'madr-full' },
  { id: 'log4brains', label: 'log4brains', description: '.log4brains.yml, docs/adr, date-named records', defaultFolder: 'docs/adr', template: 'log4brains' },
];

export function conventionInfo(id: Convention): ConventionInfo {
  return CONVENTIONS.find((c) => c.id === id)!;
}

/** A config file to create (never over an existing one). */
export interface ConfigFile {
  readonly path: string;
  readonly content: string;
  /** True when an existing file of that name already says the same. */
  readonly matches: (existing: string) => boolean;
}

/** What initializing `convention` at `folder` (relative to `root`) creates. */
export interface InitPlan {
  readonly collection: Collection;
  readonly config: ConfigFile | undefined;
}

/** An error message for a records folder typed by the user, or undefined when it is acceptable. */
export function checkFolder(folder: string): string | undefined {
  const f = folder.trim().replace(/\\/g, '/');
  if (f === '') return 'Required';
  if (isAbsolute(f)) return 'A folder relative to the workspace folder';
  if (f.split('/').includes('..')) return 'A folder inside the workspace folder';
  return undefined;
}

/** The folder, the config file and the collection for `convention`. */
export function initPlan(convention: Convention, root: string, folder: string, projectName: string): InitPlan {
  const problem = checkFolder(folder);
  if (problem) throw new UserError(`${folder}: ${problem.toLowerCase()}`);
  const rel = normalize(folder.trim().replace(/\\/g, '/')).replace(/^\.\//, '').replace(/\/+$/, '');
  const path = resolve(root, rel);
  if (!isInside(root, path) || path === normalize(root)) throw new UserError(`${folder}: a folder inside the workspace folder`);
  const base = { path, name: rel, padding: 4, naming: 'number', firstNumber: 1 } as const;
  switch (convention) {
    case 'adr-tools':
      return {
        collection: { ...base, dialect: 'adr-tools', source: '.adr-dir' },
        config: { path: join(root, '.adr-dir'), content: `${rel}\n`, matches: (t) => sameFolder(t.split(/\r?\n/)[0] ?? '', rel) },
      };
    case 'madr':
      return { collection: { ...base, dialect: 'madr', source: 'convention', firstNumber: 0 }, config: undefined };
    case 'log4brains':
      return {
        collection: { ...base, dialect: 'log4brains', source: '.log4brains.yml', padding: 0, naming: 'date' },
        config: {
          path: join(root, '.log4brains.yml'),
          content: `---\nproject:\n  name: ${yamlString(projectName)}\n  tz: ${Intl.DateTimeFormat().resolvedOptions().timeZone || 'Etc/UTC'}\n  adrFolder: ./${rel}\n`,
          matches: (t) => new RegExp(`^\\s*adrFolder:\\s*["']?(?:\\./)?${escapeRegExp(rel)}/?["']?\\s*$`, 'm').test(t),
        },
      };
  }
}

function sameFolder(a: string, b: string): boolean {
  const clean = (s: string) => s.trim().replace(/^\.\//, '').replace(/\/+$/, '');
  return clean(a) === clean(b);
}

function yamlString(s: string): string {
  return /^[A-Za-z0-9 ._-]+$/.test(s) && s.trim() === s && s !== '' ? s : JSON.stringify(s);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
