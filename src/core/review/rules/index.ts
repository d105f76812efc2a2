/** Runs every per-file rule on one changed file. */
import type { Content } from '../changes';
import type { ReviewConfig } from '../config';
import type { ChangedFile, RuleHit, RuleInfo } from '../types';
import { BUILTIN_BY_ID, BUILTIN_RULES, TEST_GLOBS } from './catalog';
import { customHits, customRuleInfo } from './custom';
import { deliveryHits, replacedNotes } from './delivery';
import { dependencyHits, isManifest } from './dependencies';
import { globMatcher } from './glob';
import { candidateSpecs, pathHits } from './pathRules';

export { BUILTIN_RULES, BUILTIN_BY_ID, TEST_GLOBS };

/** The two versions of a changed file (`unread` set when a version exists but was not read: a symlink, a FIFO, too large). */
export interface ContentAccess {
  before(file: ChangedFile): Promise<Content>;
  after(file: ChangedFile): Promise<Content>;
}

/** Every rule in force under `config`: built-ins not turned off, then the custom ones. */
export function rulesOf(config: ReviewConfig): RuleInfo[] {
  const builtins = BUILTIN_RULES.filter((r) => config.rules.get(r.id) !== 'off').map((r) => {
    const s = config.rules.get(r.id);
    return s && s !== 'off' ? { ...r, severity: s } : r;
  });
  return [...builtins, ...config.custom.map(customRuleInfo).filter((r) => config.rules.get(r.id) !== 'off')];
}

/** Paths the built-in rules skip: tests, examples, and the configured `ignore` globs. */
export function builtinSkip(config: ReviewConfig): (path: string) => boolean {
  const tests = globMatcher(TEST_GLOBS);
  const ignored = globMatcher(config.ignore);
  return (p) => tests(p) || ignored(p);
}

/** The hits of every per-file rule (not the structure rules, which look at the whole change). */
export async function fileHits(file: ChangedFile, config: ReviewConfig, content: ContentAccess, skip = builtinSkip(config)): Promise<RuleHit[]> {
  const ignored = globMatcher(config.ignore);
  if (ignored(file.path)) return [];
  const hits: RuleHit[] = customHits(file, config.custom);
  const skipped = skip(file.path) && (file.oldPath === undefined || skip(file.oldPath));
  if (!skipped) {
    // A version that exists but was not read (a symlinked manifest) is never parsed as empty.
    if (isManifest(file) && !file.unread) {
      const [before, after] = await Promise.all([content.before(file), content.after(file)]);
      if (!before.unread && !after.unread) hits.push(...dependencyHits(file, before.text, after.text, config));
    }
    const { matched, sniff } = candidateSpecs(file);
    if (matched.length > 0 || sniff.length > 0) {
      const text = sniff.length > 0 && !file.unread ? (file.status === 'deleted' ? await content.before(file) : await content.after(file)).text : undefined;
      hits.push(...pathHits(file, matched, sniff, text));
    }
    // A pipeline edit that changes what is delivered, and where, is a delivery change, not a note.
    const note = hits.findIndex((h) => h.rule === 'ci-pipeline');
    if (note >= 0 && config.rules.get('ci-delivery') !== 'off' && !file.unread) {
      const [before, after] = await Promise.all([content.before(file), content.after(file)]);
      const delivery = before.unread || after.unread ? undefined : deliveryHits(file, before.text, after.text);
      if (delivery && delivery.length > 0) {
        for (const d of delivery) replacedNotes.set(d, hits[note]!);
        hits.splice(note, 1, ...delivery);
      }
    }
  }
  return hits;
}
