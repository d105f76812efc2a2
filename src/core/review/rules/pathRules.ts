/**
 * Rules that recognise a file by its path (and, for generic names like `*.yaml`, by its content):
 * infrastructure and delivery, data, and interfaces. A change made only of comments and blank lines
 * is not flagged.
 */
import { addedLines, removedLines } from '../diffParse';
import type { ChangedFile, RuleHit } from '../types';
import { globMatcher } from './glob';

/** One kind of file a path rule recognises. */
export interface PathSpec {
  readonly rule: string;
  /** What the file is, for messages ("Dockerfile", "Kubernetes manifest"). */
  readonly label: string;
  readonly globs: readonly string[];
  /** Files of these globs count when their text matches `content` (generic names like `*.yaml`). */
  readonly sniff?: { readonly globs: readonly string[]; readonly content: RegExp };
  /** Only new files count (migrations). */
  readonly addedOnly?: boolean;
  /** Only changes whose added or removed lines match count (SQL DDL); the first such line is shown. */
  readonly lines?: RegExp;
}

const YAML = '**/*.{yaml,yml}';
const YAML_JSON = '**/*.{yaml,yml,json}';

export const PATH_SPECS: readonly PathSpec[] = [
  { rule: 'infra-container', label: 'Container image definition', globs: ['**/Dockerfile', '**/Dockerfile.*', '**/*.Dockerfile', '**/*.dockerfile', '**/Containerfile', '**/Containerfile.*'] },
  { rule: 'infra-orchestration', label: 'Compose file', globs: ['**/docker-compose.{yml,yaml}', '**/docker-compose.*.{yml,yaml}', '**/compose.{yml,yaml}', '**/compose.*.{yml,yaml}'] },
  { rule: 'infra-orchestration', label: 'Helm chart', globs: ['**/Chart.yaml', '**/{charts,helm}/**/*.{yaml,yml,tpl}', '**/helmfile.{yaml,yml}'] },
  {
    rule: 'infra-orchestration', label: 'Kubernetes manifest',
    globs: ['**/{k8s,kubernetes,kube,manifests,deploy,deployment,deployments,kustomize}/**/*.{yaml,yml}', '**/kustomization.{yaml,yml}', '**/skaffold.{yaml,yml}'],
    sniff: { globs: [YAML], content: /^apiVersion:\s*\S+[\s\S]*^kind:\s*\S+|^kind:\s*\S+[\s\S]*^apiVersion:\s*\S+/m },
  },
  {
    rule: 'infra-iac', label: 'Infrastructure as code',
    globs: ['**/*.{tf,tofu,tfvars,bicep}', '**/*.tf.json', '**/*.tofu.json', '**/terragrunt.hcl', '**/Pulumi.{yaml,yml}', '**/Pulumi.*.{yaml,yml}', '**/cdk.json'],
    sniff: { globs: [YAML_JSON, '**/*.template'], content: /AWSTemplateFormatVersion/ },
  },
  {
    rule: 'infra-serverless', label: 'Serverless or platform configuration',
    globs: ['**/serverless.{yml,yaml,ts,js,json}', '**/samconfig.toml', '**/netlify.toml', '**/vercel.json', '**/fly.toml', '**/wrangler.{toml,json,jsonc}', '**/Procfile', '**/render.yaml', '**/firebase.json'],
    sniff: { globs: [YAML_JSON], content: /AWS::Serverless/ },
  },
  {
    rule: 'ci-pipeline', label: 'CI pipeline',
    globs: [
      '.github/workflows/*.{yml,yaml}', '.github/actions/**/action.{yml,yaml}', '**/.gitlab-ci.yml', '.gitlab-ci/**', '.gitlab/ci/**', '.circleci/**',
      '**/Jenkinsfile', '**/Jenkinsfile.*', 'azure-pipelines*.{yml,yaml}', '.azure-pipelines/**', '.travis.yml', 'bitbucket-pipelines.yml',
      '.drone.yml', '.buildkite/**', 'cloudbuild*.{yaml,yml,json}', '.woodpecker.{yml,yaml}', '.woodpecker/**', 'appveyor.yml', '.tekton/**',
    ],
  },
  {
    rule: 'data-migration', label: 'Database migration', addedOnly: true,
    globs: ['**/{migrations,migration,migrate,alembic/versions,db/changelog,liquibase,flyway}/**/*.{sql,py,rb,ts,js,go,java,kt,cs,php,xml,yaml,yml,json,exs}', '**/V[0-9]*__*.sql', '**/*.migration.{ts,js}'],
  },
  { rule: 'data-schema', label: 'ORM schema', globs: ['**/*.prisma', '**/db/schema.rb', '**/structure.sql', '**/*.dbml', '**/*.hbm.xml', '**/*.entity.{ts,js}'] },
  {
    rule: 'data-schema', label: 'SQL schema change', globs: ['**/*.sql'],
    lines: /^\s*(create|alter|drop|rename)\s+(or\s+replace\s+)?(temporary\s+|temp\s+|unique\s+|materialized\s+)?(table|index|view|schema|type|sequence|database|trigger|function|procedure|extension|column|domain|constraint)\b/i,
  },
  {
    rule: 'interface-contract', label: 'Interface contract',
    globs: ['**/{openapi,swagger,asyncapi}*.{yaml,yml,json}', '**/*.{openapi,swagger,asyncapi}.{yaml,yml,json}', '**/*.{proto,graphql,graphqls,gql,avsc,avdl,thrift,wsdl,smithy,raml}'],
    sniff: { globs: [YAML_JSON], content: /^[\s{]*["']?(openapi|swagger|asyncapi)["']?\s*:\s*["']?\d/m },
  },
  { rule: 'interface-public-api', label: 'Public API report', globs: ['**/*.api.md', '**/public[-_]api.ts', '**/api/*.api', '**/api/current.txt'] },
];

/** Blank lines and lines that are only a comment (`#`, `//`, `--`, `/*`, `*`, `<!--`). */
export function isTrivialLine(text: string): boolean {
  const t = text.trim();
  return t === '' || /^(#(?!include)|\/\/|--(?!-)|\/\*|\*|<!--|-->|;)/.test(t);
}

const VERB: Record<ChangedFile['status'], string> = {
  added: 'added', untracked: 'added', modified: 'changed', deleted: 'removed', renamed: 'moved', copied: 'copied', 'type-changed': 'changed', unmerged: 'changed (unmerged)',
};

/** The path specs a file's path matches, and those that need its text to decide. */
export function candidateSpecs(file: ChangedFile): { matched: PathSpec[]; sniff: PathSpec[] } {
  const matched: PathSpec[] = [];
  const sniff: PathSpec[] = [];
  const paths = file.oldPath !== undefined ? [file.path, file.oldPath] : [file.path];
  for (const spec of PATH_SPECS) {
    if (paths.some(globMatcher(spec.globs))) matched.push(spec);
    else if (spec.sniff && paths.some(globMatcher(spec.sniff.globs))) sniff.push(spec);
  }
  return { matched, sniff };
}

const ANY_SPEC_GLOBS = PATH_SPECS.flatMap((s) => [...s.globs, ...(s.sniff?.globs ?? [])]);

/** True when some path spec may apply to the path (by name, or by content for generic names). */
export function hasPathSpec(path: string): boolean {
  return globMatcher(ANY_SPEC_GLOBS)(path);
}

/** Hits of the specs that apply to a file (`text`: its content, for the sniffing specs). */
export function pathHits(file: ChangedFile, matched: readonly PathSpec[], sniffed: readonly PathSpec[], text: string | undefined): RuleHit[] {
  const specs = [...matched, ...sniffed.filter((s) => text !== undefined && s.sniff!.content.test(text.slice(0, 64 * 1024)))];
  if (specs.length === 0) return [];
  const isNew = file.status === 'added' || file.status === 'untracked';
  const wholeFile = isNew || file.status === 'deleted' || file.binary || ((file.status === 'renamed' || file.status === 'copied') && file.hunks.length === 0);
  const added = addedLines(file.hunks);
  const removed = removedLines(file.hunks);
  const out: RuleHit[] = [];
  const seen = new Set<string>();
  // A migration is one finding, not also a schema change.
  if (specs.some((s) => s.rule === 'data-migration')) seen.add('data-schema');
  for (const spec of specs) {
    if (seen.has(spec.rule)) continue;
    if (spec.addedOnly && !isNew && file.status !== 'copied') continue;
    let line: { line: number; text: string } | undefined;
    let oldSide = false;
    if (spec.lines) {
      line = added.find((l) => spec.lines!.test(l.text));
      if (!line) {
        line = removed.find((l) => spec.lines!.test(l.text));
        oldSide = line !== undefined;
      }
      if (!line) continue;
    } else if (!wholeFile) {
      line = added.find((l) => !isTrivialLine(l.text));
      if (!line) {
        line = removed.find((l) => !isTrivialLine(l.text));
        oldSide = line !== undefined;
      }
      if (!line && (file.hunks.length > 0 || file.status === 'modified')) continue; // comments and blank lines only
    } else if (file.status === 'deleted') {
      oldSide = true;
      line = removed[0];
    } else {
      line = added[0];
    }
    seen.add(spec.rule);
    const moved = file.status === 'renamed' && file.oldPath !== undefined ? ` (from ${file.oldPath})` : '';
    out.push({
      rule: spec.rule, path: file.path, subject: '',
      message: `${spec.label} ${VERB[file.status]}: ${file.path}${moved}`,
      ...(line ? { line: line.line } : {}), ...(oldSide ? { oldSide } : {}),
      reason: spec.lines && line ? `line matches ${spec.label.toLowerCase()}: ${line.text.trim().slice(0, 80)}` : `${spec.label.toLowerCase()} by ${matched.includes(spec) ? 'file name' : 'content'}`,
    });
  }
  return out;
}
