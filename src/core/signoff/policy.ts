/**
 * The sign-off policy, read from `signoff:` in `.adr-workbench.yml` (ADR Workbench's own settings,
 * beside the status vocabulary; see discovery/configFiles.ts) at or above a collection's folder:
 *
 *     signoff:
 *       required: 2              # approvals needed (or `all`: every named reviewer); default 0
 *       approvers: [Alice, Bob]  # who may approve, besides the record's own reviewers; default anyone
 *       statuses: [accepted]     # statuses that need the approvals; default accepted
 *       review-every: 12 months  # or per status: { accepted: 12 months, deprecated: 2 years }
 *       due-within: 30 days      # a review is due this long before its date; default 30 days
 */
import { parse as parseYaml } from 'yaml';
import { STATUSES, type Status } from '../model';
import type { FileSystem } from '../ports';
import { dirname, join } from '../paths';
import { decodeText } from '../text';
import { parsePeriod } from './dates';
import { foldName } from './names';
import { DEFAULT_POLICY, type Period, type SignoffPolicy } from './types';

export const SIGNOFF_CONFIG = '.adr-workbench.yml';

export interface PolicyRead {
  readonly policy: SignoffPolicy;
  /** What could not be read (the rest of the policy still applies). */
  readonly warnings: readonly string[];
}

/** The policy in `signoff:` of a `.adr-workbench.yml` text; malformed parts are warnings. */
export function readSignoffPolicy(text: string): PolicyRead {
  const warnings: string[] = [];
  let data: unknown;
  try {
    data = parseYaml(text.replace(/^\uFEFF/, ''), { maxAliasCount: 50, logLevel: 'error', uniqueKeys: false });
  } catch (e) {
    return { policy: DEFAULT_POLICY, warnings: [`malformed YAML: ${(e instanceof Error ? e.message : String(e)).split('\n')[0]}`] };
  }
  const s = isObject(data) ? data['signoff'] : undefined;
  if (s === undefined || s === null) return { policy: DEFAULT_POLICY, warnings };
  if (!isObject(s)) return { policy: DEFAULT_POLICY, warnings: ['`signoff` must be a mapping (required, approvers, statuses, review-every)'] };
  let required: SignoffPolicy['required'] = DEFAULT_POLICY.required;
  const r = s['required'];
  if (r === 'all') required = 'all';
  else if (typeof r === 'number' && Number.isInteger(r) && r >= 0 && r <= 100) required = r;
  else if (r !== undefined) warnings.push('`signoff.required` must be a whole number or `all`');
  const approvers = list(s['approvers']).map(foldName).filter(Boolean);
  let statuses: Status[] = [...DEFAULT_POLICY.statuses];
  if (s['statuses'] !== undefined) {
    const named = list(s['statuses']).map((x) => x.toLowerCase());
    const bad = named.filter((x) => !STATUSES.includes(x as Status) || x === 'unknown');
    if (bad.length) warnings.push(`\`signoff.statuses\`: not a status: ${bad.join(', ')}`);
    statuses = named.filter((x) => !bad.includes(x)) as Status[];
  }
  const reviewEvery: Partial<Record<Status, Period>> = {};
  const every = s['review-every'] ?? s['review_every'];
  if (isObject(every)) {
    for (const [k, v] of Object.entries(every)) {
      const p = parsePeriod(v);
      if (STATUSES.includes(k.toLowerCase() as Status) && p) reviewEvery[k.toLowerCase() as Status] = p;
      else warnings.push(`\`signoff.review-every.${k}\`: expected a status and a period such as 12 months`);
    }
  } else if (every !== undefined) {
    const p = parsePeriod(every);
    if (p) reviewEvery.accepted = p;
    else warnings.push('`signoff.review-every` must be a period such as 12 months');
  }
  let dueWithin = DEFAULT_POLICY.dueWithin;
  if (s['due-within'] !== undefined) {
    const p = parsePeriod(s['due-within']);
    if (p) dueWithin = p;
    else warnings.push('`signoff.due-within` must be a period such as 30 days');
  }
  return { policy: { required, approvers, statuses, reviewEvery, dueWithin }, warnings };
}

/**
 * The policy of the collection at `folder`: the nearest `.adr-workbench.yml` at or above it, up to
 * `root` (included). None, or none naming `signoff`: the default (nothing required).
 */
export async function policyFor(fs: FileSystem, folder: string, root: string): Promise<PolicyRead & { readonly file?: string }> {
  for (let dir = folder; ; dir = dirname(dir)) {
    const file = join(dir, SIGNOFF_CONFIG);
    const st = await fs.stat(file).catch(() => undefined);
    if (st) {
      try {
        const read = readSignoffPolicy(decodeText(await fs.readFile(file, { maxBytes: 1024 * 1024 }), file).text);
        return { ...read, file };
      } catch (e) {
        return { policy: DEFAULT_POLICY, warnings: [`${file}: ${e instanceof Error ? e.message : String(e)}`], file };
      }
    }
    if (dir === root || dirname(dir) === dir || !(dir.startsWith(root + '/') || dir === root)) break;
  }
  return { policy: DEFAULT_POLICY, warnings: [] };
}

/** The folder a policy search stops at: the repository's top folder (holding `.git`), else `from` itself. */
export async function policyRoot(fs: FileSystem, from: string): Promise<string> {
  for (let dir = from; ; dir = dirname(dir)) {
    if (await fs.stat(join(dir, '.git')).catch(() => undefined)) return dir;
    if (dirname(dir) === dir) return from;
  }
}

function list(v: unknown): string[] {
  if (Array.isArray(v)) return v.filter((x) => typeof x === 'string' || typeof x === 'number').map((x) => String(x).trim()).filter(Boolean);
  if (typeof v === 'string') return v.split(',').map((x) => x.trim()).filter(Boolean);
  return [];
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
