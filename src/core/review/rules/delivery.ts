/**
 * Delivery changes in CI pipelines: the pipeline before and after the change is read (see
 * `../pipelines.ts`) and what it delivers compared — an image pushed to a registry, a package
 * released, a deployment to an environment. A delivery added or removed, or its target changed, is a
 * `ci-delivery` finding that says what changed; any other pipeline edit stays a `ci-pipeline` note.
 */
import { pipelineDeliveries, type Delivery } from '../pipelines';
import type { ChangedFile, RuleHit } from '../types';

/** Deployment targets that are tools (deploys *with* Helm), not places (deploys *to* Kubernetes). */
const TOOLS = new Set(['Helm', 'Terraform', 'Pulumi', 'AWS CDK', 'Serverless Framework', 'AWS SAM', 'Argo CD']);

/** How a delivery reads in a sentence: "publishes the image acme/api to Docker Hub". */
export function describe(d: Delivery, what = d.what): string {
  switch (d.kind) {
    case 'image': return `publishes ${what ? `the image ${what}` : 'an image'} to ${d.target}`;
    case 'package': return `releases a package to ${d.target}`;
    default: return TOOLS.has(d.target) ? `deploys with ${d.target}` : `deploys to ${d.target}${what ? ` with ${what}` : ''}`;
  }
}

const KIND = { image: 'image push', package: 'package release', deployment: 'deployment' } as const;

const keyOf = (d: Delivery) => `${d.kind}\0${d.target}`;

function group(list: readonly Delivery[]): Map<string, Delivery[]> {
  const out = new Map<string, Delivery[]>();
  for (const d of list) (out.get(keyOf(d)) ?? out.set(keyOf(d), []).get(keyOf(d))!).push(d);
  return out;
}

/**
 * The delivery findings of a changed pipeline; undefined when a version of it cannot be read as a
 * pipeline (then the ordinary `ci-pipeline` note stands).
 */
export function deliveryHits(file: ChangedFile, before: string | undefined, after: string | undefined): RuleHit[] | undefined {
  const oldPath = file.oldPath ?? file.path;
  const was = before === undefined ? [] : pipelineDeliveries(oldPath, before);
  const now = after === undefined ? [] : pipelineDeliveries(file.path, after);
  if (!was || !now) return undefined;
  const a = group(was);
  const b = group(now);
  const hits: RuleHit[] = [];
  const hit = (d: Delivery, message: string, reason: string, removed: boolean, moved?: 'added' | 'removed') => {
    const line = lineOf(removed ? before : after, d);
    const h: RuleHit = {
      rule: 'ci-delivery', path: file.path, subject: `${d.kind}: ${d.target}`, message, reason,
      terms: termsOf(d), ...(line !== undefined ? { line } : {}), ...(removed && line !== undefined ? { oldSide: true } : {}),
    };
    if (moved) sides.set(h, { key: keyOf(d), side: moved });
    hits.push(h);
  };
  for (const [key, list] of b) {
    const d = list[0]!;
    const old = a.get(key);
    if (!old) {
      hit(d, `${file.path} now ${describe(d)} (job ${d.job}: ${d.via})`, before === undefined ? 'a new pipeline that delivers' : `before: no ${KIND[d.kind]} ${d.kind === 'deployment' && TOOLS.has(d.target) ? 'with' : 'to'} ${d.target}`, false, 'added');
      continue;
    }
    const whatBefore = new Set(old.map((x) => x.what).filter((w): w is string => w !== undefined));
    const whatNow = new Set(list.map((x) => x.what).filter((w): w is string => w !== undefined));
    const gained = [...whatNow].filter((w) => !whatBefore.has(w));
    if (whatBefore.size > 0 && whatNow.size > 0 && gained.length > 0) {
      const carrier = list.find((x) => x.what === gained[0]) ?? d;
      const lost = [...whatBefore].filter((w) => !whatNow.has(w));
      hit(carrier, `${file.path} now ${describe(carrier, gained.join(', '))}${lost.length ? ` instead of ${lost.join(', ')}` : ''} (job ${carrier.job}: ${carrier.via})`, `before: ${describe(old[0]!, [...whatBefore].join(', '))}`, false);
    }
  }
  for (const [key, list] of a) {
    if (b.has(key)) continue;
    const d = list[0]!;
    hit(d, `${file.path} no longer ${describe(d)} (was job ${d.job}: ${d.via})`, after === undefined ? 'the pipeline was removed' : 'the pipeline does not deliver there any more', true, 'removed');
  }
  return hits;
}

/** The `ci-pipeline` note a delivery hit replaced (set by the per-file rules). */
export const replacedNotes = new WeakMap<RuleHit, RuleHit>();

/** Which delivery a hit adds or removes (for `reconcileDeliveries`). */
const sides = new WeakMap<RuleHit, { key: string; side: 'added' | 'removed' }>();

/**
 * The change's hits with deliveries that only moved between pipelines taken out (a job moved from
 * ci.yml to release.yml: removed from one, added to the other, same kind and target); a pipeline
 * left with no delivery finding gets its `ci-pipeline` note back.
 */
export function reconcileDeliveries(hits: readonly RuleHit[]): RuleHit[] {
  const added = new Map<string, RuleHit[]>();
  const removed = new Map<string, RuleHit[]>();
  for (const h of hits) {
    const s = sides.get(h);
    if (!s) continue;
    const into = s.side === 'added' ? added : removed;
    (into.get(s.key) ?? into.set(s.key, []).get(s.key)!).push(h);
  }
  const drop = new Set<RuleHit>();
  for (const [key, ins] of added) {
    const outs = removed.get(key) ?? [];
    for (const a of ins) {
      const r = outs.find((x) => x.path !== a.path && !drop.has(x));
      if (!r) continue;
      drop.add(a);
      drop.add(r);
    }
  }
  if (drop.size === 0) return [...hits];
  const kept = hits.filter((h) => !drop.has(h));
  const still = new Set(kept.filter((h) => h.rule === 'ci-delivery').map((h) => h.path));
  for (const path of new Set([...drop].map((h) => h.path))) {
    if (still.has(path)) continue;
    const h = [...drop].find((x) => x.path === path)!;
    const note = replacedNotes.get(h);
    kept.push({
      ...(note ?? { rule: 'ci-pipeline', path, subject: '', message: `CI pipeline changed: ${path}`, ...(h.line !== undefined ? { line: h.line } : {}) }),
      reason: 'its delivery only moved to another pipeline of the change',
    });
  }
  return kept;
}

/** Words a record may use for the delivery: where to (`Docker Hub`, `production environment`), what, and how. */
function termsOf(d: Delivery): string[] {
  const terms = [d.target.replace(/^(the|an?) /, ''), ...(d.what ? [d.what] : [])];
  const env = /^the (.+) environment$/.exec(d.target);
  if (env) terms.push(`${env[1]} environment`, `deploy to ${env[1]}`, `deployment to ${env[1]}`);
  return [...new Set(terms)];
}

/** The 1-based line of the delivery: its needle on or after the job's line, else anywhere, else the job's line. */
function lineOf(text: string | undefined, d: Delivery): number | undefined {
  if (text === undefined) return undefined;
  const lines = text.split('\n');
  const job = d.job.toLowerCase();
  const needle = d.needle.toLowerCase();
  const start = lines.findIndex((l) => {
    const t = l.trim().toLowerCase().replace(/^-\s*/, '');
    return t.startsWith(`${job}:`) || t.startsWith(`'${job}':`) || t.startsWith(`"${job}":`) || t.includes(`stage('${job}')`) || t.includes(`stage("${job}")`) || t === `job: ${job}` || t === `deployment: ${job}` || t === `stage: ${job}`;
  });
  const from = Math.max(0, start);
  for (let i = from; i < lines.length; i++) if (lines[i]!.toLowerCase().includes(needle)) return i + 1;
  const any = lines.findIndex((l) => l.toLowerCase().includes(needle));
  if (any >= 0) return any + 1;
  return start >= 0 ? start + 1 : undefined;
}
