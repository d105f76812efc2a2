/**
 * joshrotenberg/adrs: `adrs.toml` beside the repository's records names `adr_dir`, a `mode`
 * (`compatible`, or `ng`: YAML front matter `number`, `title`, `date`, `status`, `links`) and a
 * `[templates]` table with `format` (`nygard`, `madr`) and `variant` (`full`, `minimal`, `bare`).
 * Its built-in templates, in this renderer's tokens (adrs' own are minijinja): the Nygard ones
 * differ from adr-tools' only in their guidance text; `bare` and `minimal` leave the sections empty.
 */
import { parse as parseToml } from 'smol-toml';
import { dirname, join, resolve } from '../paths';
import type { FileSystem } from '../ports';
import { decodeText } from '../text';
import { builtin, type ResolvedTemplate } from './resolved';

export interface AdrsConfig {
  readonly mode?: string;
  readonly format?: string;
  readonly variant?: string;
}

/** `adrs.toml` of the collection at `collectionPath` (one whose `adr_dir` is that folder), looking up to `levels` folders up. */
export async function findAdrsConfig(fs: FileSystem, collectionPath: string, levels = 8): Promise<AdrsConfig | undefined> {
  let dir = collectionPath;
  for (let i = 0; i <= levels; i++) {
    const path = join(dir, 'adrs.toml');
    if ((await fs.stat(path))?.kind === 'file') {
      const config = readAdrsToml(decodeText(await fs.readFile(path), path).text, dir, collectionPath);
      if (config) return config;
    }
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return undefined;
}

/** The settings of an `adrs.toml` at `dir`, when it names `collectionPath` (adrs' default folder is `doc/adr`). */
export function readAdrsToml(text: string, dir: string, collectionPath: string): AdrsConfig | undefined {
  let data: Record<string, unknown>;
  try {
    data = parseToml(text) as Record<string, unknown>;
  } catch {
    return undefined; // discovery reports malformed config files
  }
  const adrDir = typeof data.adr_dir === 'string' ? data.adr_dir : 'doc/adr';
  if (resolve(dir, adrDir) !== resolve(collectionPath)) return undefined;
  const t = data.templates && typeof data.templates === 'object' ? (data.templates as Record<string, unknown>) : {};
  const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim().toLowerCase() : undefined);
  const mode = str(data.mode);
  const format = str(t.format);
  const variant = str(t.variant);
  return { ...(mode ? { mode } : {}), ...(format ? { format } : {}), ...(variant ? { variant } : {}) };
}

const NG_FRONT_MATTER = '---\nnumber: NUMBER\ntitle: TITLE\ndate: DATE\nstatus: STATUS\n---\n\n';
const NYGARD_HEAD = '# NUMBER. TITLE\n\nDate: DATE\n\n';
const NYGARD_STATUS = '## Status\n\nSTATUS\n\n';
const NYGARD_FULL_BODY =
  "## Context\n\nWhat is the issue that we're seeing that is motivating this decision or change?\n\n" +
  "## Decision\n\nWhat is the change that we're proposing and/or doing?\n\n" +
  '## Consequences\n\nWhat becomes easier or more difficult to do because of this change?\n';
const NYGARD_EMPTY_BODY = '## Context\n\n\n\n## Decision\n\n\n\n## Consequences\n\n';
const MADR_SHORT =
  '---\nstatus: STATUS\ndate: DATE\n---\n\n# TITLE\n\n## Context and Problem Statement\n\n\n\n## Decision Outcome\n\n\n\n### Consequences\n\n';

/**
 * The template `adrs new` would use in a collection configured by `config`; undefined when the
 * config names no template (then the collection's own records decide, see `adrsDefault`).
 */
export function adrsTemplate(config: AdrsConfig): ResolvedTemplate | undefined {
  if (!config.format && !config.variant) return undefined;
  const variant = config.variant === 'min' ? 'minimal' : config.variant === 'empty' ? 'bare' : config.variant ?? 'full';
  if (config.format === 'madr') {
    if (variant === 'full') return builtin('madr-full');
    return { ...builtin('madr-bare'), kind: 'custom', text: MADR_SHORT };
  }
  return nygard(variant, config.mode === 'ng');
}

/** adrs' default (its Nygard template; in `ng` mode with front matter, the status kept there only). */
export function adrsDefault(config: AdrsConfig): ResolvedTemplate {
  return adrsTemplate(config) ?? nygard('full', config.mode === 'ng');
}

function nygard(variant: string, ng: boolean): ResolvedTemplate {
  const body = variant === 'full' ? NYGARD_FULL_BODY : NYGARD_EMPTY_BODY;
  // In ng mode the status lives in the front matter: one status per record, not two.
  if (ng && variant !== 'bare') {
    return { ...builtin('madr-bare'), kind: 'custom', text: NG_FRONT_MATTER + NYGARD_HEAD + body, relations: 'links-section' };
  }
  return { ...builtin('nygard'), kind: 'custom', text: NYGARD_HEAD + NYGARD_STATUS + body };
}
