/**
 * `init`, planned once: the folders, the config file (`.adr-dir`, `.log4brains.yml`), the template
 * beside the records and the first record a new collection of a dialect gets, as data; then one
 * executor over the file-system port that both front ends run (the CLI's `init`, the extension's
 * Initialize Collection). Nothing existing is overwritten: a config file that is there must already
 * name the folder, a template file that is there is kept, records are created exclusively.
 */
import { createRecord, type CreateResult } from '../edit/create';
import { FileExistsError, UserError } from '../errors';
import type { Collection } from '../model';
import { isAbsolute, join, normalize, relative, resolve } from '../paths';
import type { Clock, FileSystem } from '../ports';
import { initRecord, type InitRecord } from '../templates/init';
import { templateInfo } from '../templates/kinds';
import { COLLECTION_TEMPLATE_NAMES } from '../templates/registry';
import { decodeText, encodeText } from '../text';
import { dialectById, dialectOfTemplate } from './index';
import type { BuiltinTemplateKind, DialectDescriptor, DialectId } from './types';

/** What to initialise; only `root` is required. */
export interface InitOptions {
  /** The project root (absolute): where the config file goes. */
  readonly root: string;
  /** Records folder, absolute or relative to `root` (default: the dialect's). */
  readonly folder?: string;
  /** The template the first record is written in and that goes beside the records (default: the dialect's). */
  readonly template?: BuiltinTemplateKind;
  /** Project name (log4brains' `project.name`; default: the root's folder name). */
  readonly projectName?: string;
  /** IANA time zone (log4brains' `project.tz`; default `Etc/UTC`). */
  readonly timeZone?: string;
  /** Write the config file (default true; `adr init` without DIR writes none). */
  readonly declare?: boolean;
  /** The folder as the config file should name it (adr-tools writes DIR as typed; default: relative to `root`). */
  readonly declaredFolder?: string;
}

/** A config file to create, or to accept when it already names the folder. */
export interface PlannedConfig {
  readonly path: string;
  readonly content: string;
  /** True when an existing file of that name already names the folder. */
  readonly matches: (existing: string) => boolean;
}

export interface InitPlan {
  readonly dialect: DialectDescriptor;
  /** The records folder (absolute) and as seen from the root. */
  readonly folder: string;
  readonly rel: string;
  /** The collection the first record is created in. */
  readonly collection: Collection;
  /** Folders to create (with their parents). */
  readonly folders: readonly string[];
  readonly config?: PlannedConfig;
  /** The template file beside the records; skipped when the folder already has any template file. */
  readonly template?: { readonly path: string; readonly content: string };
  readonly firstRecord: InitRecord;
}

/** Raised when a config file exists and names another folder (it is left as it is). */
export class InitConfigConflict extends UserError {
  constructor(path: string, readonly current: string) {
    super(`${path} already exists and names another folder; it was left as it is. Edit it, or pick the folder it names.`, path);
    this.name = 'InitConfigConflict';
  }
}

/** Plans `init` of a collection of `dialect` (or of the dialect `options.template` writes). */
export function planInit(dialect: DialectId | DialectDescriptor | undefined, options: InitOptions): InitPlan {
  const d = typeof dialect === 'string' ? dialectById(dialect) : dialect ?? (options.template ? dialectOfTemplate(options.template) : dialectById('adr-tools'));
  const root = normalize(options.root);
  const folder = isAbsolute(options.folder ?? '') ? normalize(options.folder!) : resolve(root, options.folder ?? d.layout.defaultFolder);
  const rel = relative(root, folder) || '.';
  const template = options.template ?? d.templates.default;
  const init = d.init;
  const collection: Collection = {
    path: folder,
    dialect: d.collection,
    source: init?.source ?? 'convention',
    name: rel,
    padding: d.layout.padding,
    naming: d.layout.naming,
    firstNumber: d.layout.firstNumber,
  };
  const config = init?.config && options.declare !== false ? init.config : undefined;
  const declared = options.declaredFolder ?? rel;
  const projectName = options.projectName ?? (root.split('/').filter(Boolean).pop() || 'project');
  return {
    dialect: d,
    folder,
    rel,
    collection,
    folders: [folder],
    ...(config
      ? {
          config: {
            path: join(root, config.file),
            content: config.content(declared, projectName, options.timeZone || 'Etc/UTC'),
            matches: (existing: string) => config.names(existing, declared) || config.names(existing, rel),
          },
        }
      : {}),
    ...(d.templates.initFileName ? { template: { path: join(folder, d.templates.initFileName), content: templateInfo(template).text } } : {}),
    firstRecord: initRecord(template),
  };
}

/** Runs `plan`: its files (folders, config, template), then the first record. */
export async function runInit(fs: FileSystem, clock: Clock, plan: InitPlan, options: { readonly date?: string } = {}): Promise<CreateResult> {
  await writeInitFiles(fs, plan);
  return createFirstRecord(fs, clock, plan, options);
}

/** The folders, the config file and the template of `plan`. */
export async function writeInitFiles(fs: FileSystem, plan: InitPlan): Promise<void> {
  for (const f of plan.folders) await fs.mkdir(f);
  if (plan.config) await writeConfig(fs, plan.config);
  if (plan.template) await writeTemplate(fs, plan.folder, plan.template);
}

/** The first record of `plan`, in `options.collection` when given (the collection as discovered once its files exist). */
export async function createFirstRecord(
  fs: FileSystem, clock: Clock, plan: InitPlan, options: { readonly date?: string; readonly collection?: Collection } = {},
): Promise<CreateResult> {
  const first = plan.firstRecord;
  return createRecord(fs, clock, options.collection ?? plan.collection, {
    title: first.title,
    template: first.template,
    status: first.status,
    ...(options.date !== undefined ? { date: options.date } : {}),
  });
}

async function writeConfig(fs: FileSystem, config: PlannedConfig): Promise<void> {
  try {
    await fs.createFile(config.path, encodeText(config.content, false));
  } catch (e) {
    if (!(e instanceof FileExistsError)) throw e;
    const existing = decodeText(await fs.readFile(config.path), config.path).text;
    if (!config.matches(existing)) throw new InitConfigConflict(config.path, existing.split(/\r?\n/)[0]!.trim());
  }
}

async function writeTemplate(fs: FileSystem, folder: string, template: { path: string; content: string }): Promise<void> {
  for (const name of COLLECTION_TEMPLATE_NAMES) if (await fs.stat(join(folder, name))) return;
  try {
    await fs.createFile(template.path, encodeText(template.content, false));
  } catch (e) {
    if (!(e instanceof FileExistsError)) throw e;
  }
}
