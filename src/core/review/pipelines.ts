/**
 * What a CI pipeline delivers, read semantically: which jobs publish an image, release a package or
 * deploy, and where to. GitHub Actions (workflows and composite actions), GitLab CI, CircleCI and
 * Azure Pipelines are parsed as YAML (bounded like front matter: nesting checked first, aliases
 * capped, merge keys honoured, nothing printed); a Jenkinsfile is read by text patterns. Shell
 * commands in every script are matched by patterns that run on RE2 (linear time, whatever the text).
 *
 * A delivery is `kind` + `target` ("image" to "Docker Hub", "package" to "npm", "deployment" to the
 * "production" environment); `what` says what exactly (the image repository, the deployment tool)
 * when the pipeline names it literally.
 */
import { parseDocument } from 'yaml';
import { lexicalNesting, MAX_DEPTH } from '../parse/frontMatter';
import { compileSafe, type SafePattern } from '../safeRegex';
import { basename } from '../paths';

export type DeliveryKind = 'image' | 'package' | 'deployment';

/** One thing a pipeline job delivers. */
export interface Delivery {
  readonly kind: DeliveryKind;
  /** Where to, in words: `Docker Hub`, `npm`, `the production environment`, `Kubernetes`. */
  readonly target: string;
  /** What exactly, when written literally: an image repository (`acme/api`), a deployment tool (`Helm`). */
  readonly what?: string;
  /** How: the command or action (`docker push`, `docker/build-push-action`, `helm upgrade`). */
  readonly via: string;
  /** The job (stage for Jenkins) it is in. */
  readonly job: string;
  /** Text to find on the job's lines (for the finding's line). */
  readonly needle: string;
}

/** The pipeline dialect of a path, or undefined when it is not a pipeline this module reads. */
export type PipelineKind = 'github' | 'github-action' | 'gitlab' | 'circleci' | 'azure' | 'jenkins' | 'generic';

export function pipelineKind(path: string): PipelineKind | undefined {
  const name = basename(path);
  if (/^\.github\/workflows\/[^/]+\.ya?ml$/.test(path)) return 'github';
  if (/^\.github\/actions\/.*action\.ya?ml$/.test(path)) return 'github-action';
  if (name === '.gitlab-ci.yml' || /^\.gitlab(-ci|\/ci)\/.*\.ya?ml$/.test(path)) return 'gitlab';
  if (/^\.circleci\/.*\.ya?ml$/.test(path)) return 'circleci';
  if (/^azure-pipelines[^/]*\.ya?ml$/.test(path) || /^\.azure-pipelines\/.*\.ya?ml$/.test(path)) return 'azure';
  if (name === 'Jenkinsfile' || name.startsWith('Jenkinsfile.')) return 'jenkins';
  if (/\.ya?ml$/.test(name)) return 'generic';
  return undefined;
}

/** Most nodes a pipeline is walked through (a larger one is read up to there). */
const MAX_NODES = 50_000;

/** The deliveries of a pipeline's text; undefined when it cannot be read (malformed, too complex). */
export function pipelineDeliveries(path: string, text: string): Delivery[] | undefined {
  const kind = pipelineKind(path);
  if (!kind) return undefined;
  if (kind === 'jenkins') return jenkinsDeliveries(text);
  if (lexicalNesting(text) > MAX_DEPTH) return undefined;
  let data: unknown;
  try {
    const doc = parseDocument(text, { merge: true, uniqueKeys: false, logLevel: 'error', prettyErrors: false, keepSourceTokens: false });
    if (doc.errors.length > 0) return undefined;
    data = doc.toJS({ maxAliasCount: 100 });
  } catch {
    // An alias expanding past the cap ("billion laughs"), or a cycle.
    return undefined;
  }
  if (data === null || data === undefined) return [];
  if (!isObj(data)) return undefined;
  const out = new Collector();
  switch (kind) {
    case 'github': github(data, out); break;
    case 'github-action': githubAction(data, out); break;
    case 'gitlab': gitlab(data, out); break;
    case 'circleci': circleci(data, out); break;
    case 'azure': azure(data, { name: '(pipeline)', env: vars(data.variables) }, out); break;
    case 'generic': generic(data, out); break;
  }
  return out.list;
}

// ---------------------------------------------------------------------------------------------
// Helpers

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;
}

/** Strings of a value that may be a string or a (nested) list of them. */
function strings(v: unknown, depth = 0): string[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v) && depth < 4) return v.flatMap((x) => strings(x, depth + 1));
  return [];
}

function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

/** Variables of a map (`KEY: value`), a GitLab `KEY: {value}` or an Azure list of `{name, value}`. */
function vars(v: unknown): Map<string, string> {
  const out = new Map<string, string>();
  if (isObj(v)) {
    for (const [k, x] of Object.entries(v)) {
      const s = str(x) ?? (isObj(x) ? str(x.value) : undefined);
      if (s !== undefined) out.set(k, s);
    }
  } else if (Array.isArray(v)) {
    for (const x of v) if (isObj(x) && typeof x.name === 'string' && str(x.value) !== undefined) out.set(x.name, str(x.value)!);
  }
  return out;
}

function merged(...maps: Map<string, string>[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of maps) for (const [k, v] of m) out.set(k, v);
  return out;
}

const VAR_REF = compileSafe('\\$\\{\\{\\s*(?:env|vars)\\.(?P<a>[A-Za-z_][A-Za-z0-9_]*)\\s*\\}\\}|\\$\\{(?P<b>[A-Za-z_][A-Za-z0-9_]*)\\}|\\$\\((?P<c>[A-Za-z_][A-Za-z0-9_.]*)\\)|\\$(?P<d>[A-Za-z_][A-Za-z0-9_]*)');

/** `${{ env.X }}`, `${X}`, `$(X)` and `$X` replaced by literal values the pipeline sets (one pass). */
function substitute(text: string, env: ReadonlyMap<string, string>): string {
  if (env.size === 0 || !text.includes('$')) return text;
  let out = '';
  let last = 0;
  for (const m of VAR_REF.matchAll(text)) {
    const name = m.groups.a ?? m.groups.b ?? m.groups.c ?? m.groups.d ?? '';
    const value = env.get(name);
    if (value === undefined || value.includes('$')) continue;
    out += text.slice(last, m.index) + value;
    last = m.index + m.text.length;
  }
  return out + text.slice(last);
}

class Collector {
  readonly list: Delivery[] = [];
  private readonly seen = new Set<string>();
  add(d: Delivery): void {
    const key = `${d.kind}\0${d.target}\0${d.what ?? ''}\0${d.job}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.list.push(d);
  }
}

/** A job being read: its name, variables, environment and registry hints (logins). */
interface JobContext {
  readonly name: string;
  readonly env: ReadonlyMap<string, string>;
  /** The environment the job deploys to, in words (`the production environment`), if it names one. */
  readonly environment?: string;
  /** A registry the job logs in to, to place images whose host is an expression. */
  registry?: string;
}

// ---------------------------------------------------------------------------------------------
// Registries

const LITERAL = /^[A-Za-z0-9][A-Za-z0-9._\-/:@]*$/;

/** A registry host in words. */
export function registryName(host: string): string {
  const h = host.toLowerCase();
  if (h === 'docker.io' || h === 'index.docker.io' || h === 'registry-1.docker.io' || h === 'registry.hub.docker.com') return 'Docker Hub';
  if (h === 'ghcr.io') return 'GitHub Container Registry';
  if (h === 'docker.pkg.github.com') return 'GitHub Packages';
  if (/\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com(\.cn)?$/.test(h)) return 'Amazon ECR';
  if (h === 'public.ecr.aws') return 'Amazon ECR Public';
  if (h.endsWith('.azurecr.io')) return 'Azure Container Registry';
  if (h === 'gcr.io' || h.endsWith('.gcr.io')) return 'Google Container Registry';
  if (h.endsWith('-docker.pkg.dev')) return 'Google Artifact Registry';
  if (h === 'quay.io') return 'Quay.io';
  if (h === 'registry.gitlab.com' || /^\$\{?ci_registry/.test(h)) return 'GitLab Container Registry';
  if (h === 'registry.heroku.com') return 'Heroku';
  return h;
}

/** Where an image reference is pushed to, and its repository when written literally. */
export function imageTarget(ref: string, ctx: JobContext): { target: string; what?: string } {
  const r = substitute(ref.trim().replace(/^["']|["']$/g, '').replace(/^docker:\/\//, '').replace(/^name=/, ''), ctx.env).replace(/@sha256:.*$/, '');
  if (/^\$\{?CI_REGISTRY/.test(r)) return { target: 'GitLab Container Registry' };
  const unknown = { target: ctx.registry ?? 'a container registry' };
  if (r.startsWith('$')) return unknown;
  const slash = r.indexOf('/');
  const first = slash < 0 ? '' : r.slice(0, slash);
  if (first.includes('$')) return unknown;
  const hasHost = first.includes('.') || first.includes(':') || first === 'localhost';
  const repo = (hasHost ? r.slice(slash + 1) : r).replace(/:[^/]*$/, '');
  const what = repo && LITERAL.test(repo) ? (hasHost ? `${first}/${repo}` : repo) : undefined;
  if (hasHost && !LITERAL.test(first)) return unknown;
  return { target: hasHost ? registryName(first) : 'Docker Hub', ...(what ? { what } : {}) };
}

// ---------------------------------------------------------------------------------------------
// Shell commands

interface CommandSpec {
  readonly kind: DeliveryKind;
  readonly re: SafePattern;
  readonly via: string;
  /** A line matching this does not deliver (a dry run, a snapshot). */
  readonly unless?: SafePattern;
  /** Where to, from the match (`image` group for image pushes); a fixed target otherwise. */
  readonly target?: string;
  /** For deployments: the tool, as `what`. */
  readonly tool?: string;
}

const B = '(?:^|[\\s;&|(`"\'])';
const DRY = compileSafe('--dry-run|--dryrun|--snapshot|--skip-publish|--skip=publish|--help|--no-publish');
const INSTALL = '|(?:npm|yarn|pnpm|pip3?|brew|apt-get|apt|go)\\s+(?:install|i|add|ci|get)\\b';
const spec = (kind: DeliveryKind, re: string, via: string, extra: Partial<CommandSpec> = {}): CommandSpec =>
  ({ kind, re: compileSafe(B + re), via, unless: DRY, ...extra });

const IMAGE = '(?P<image>[^\\s;&|\'"()`]+)';
const COMMANDS: readonly CommandSpec[] = [
  spec('image', `(?:docker|podman|buildah|nerdctl)\\s+(?:image\\s+)?push\\s+(?:-[^\\s]+\\s+)*${IMAGE}`, 'docker push'),
  spec('image', `docker\\s+(?:buildx\\s+)?build\\b[^\\n]*--push\\b`, 'docker buildx build --push'),
  spec('image', `docker\\s+buildx\\s+bake\\b[^\\n]*--push\\b`, 'docker buildx bake --push'),
  spec('image', `docker[\\s-]compose\\s+push\\b`, 'docker compose push'),
  spec('image', `(?:/kaniko/)?executor\\b[^\\n]*--destination[=\\s]+${IMAGE}`, 'kaniko'),
  spec('image', `crane\\s+(?:push|copy|cp)\\s+\\S+\\s+${IMAGE}`, 'crane'),
  spec('image', `skopeo\\s+copy\\b[^\\n]*\\s${IMAGE}\\s*$`, 'skopeo copy'),
  spec('image', `(?:mvn|mvnw|\\./mvnw)\\b[^\\n]*jib:build\\b`, 'Jib'),
  spec('image', `(?:gradle|gradlew|\\./gradlew)\\b[^\\n]*\\sjib\\b`, 'Jib'),
  spec('image', `ko\\s+(?:build|publish|resolve|apply)\\b`, 'ko'),
  spec('package', `(?:npm|pnpm|yarn(?:\\s+npm)?)\\s+publish\\b`, 'npm publish', { target: 'npm' }),
  spec('package', `(?:npx\\s+)?(?:lerna)\\s+publish\\b`, 'lerna publish', { target: 'npm' }),
  spec('package', `(?:npx\\s+|pnpm\\s+|yarn\\s+)?changeset\\s+publish\\b`, 'changeset publish', { target: 'npm' }),
  spec('package', `(?:npx\\s+|pnpm\\s+(?:exec\\s+)?|yarn\\s+)?semantic-release\\b`, 'semantic-release', { target: 'a release (semantic-release)', unless: compileSafe(`--dry-run${INSTALL}`) }),
  spec('package', `goreleaser(?:\\s+release)?\\b(?:\\s|$)`, 'goreleaser', { target: 'GitHub Releases (GoReleaser)', unless: compileSafe('--snapshot|goreleaser\\s+(?:check|build|healthcheck|init|--version|-v)\\b|--skip[= ]publish') }),
  spec('package', `(?:python3?\\s+-m\\s+)?twine\\s+upload\\b`, 'twine upload', { target: 'PyPI' }),
  spec('package', `(?:poetry|uv|flit|hatch|pdm)\\s+publish\\b`, 'publish', { target: 'PyPI' }),
  spec('package', `(?:gradle|gradlew|\\./gradlew|gradlew\\.bat)\\b[^\\n]*\\s(?:publish\\w*|uploadArchives)\\b`, 'gradle publish', { target: 'a Maven repository', unless: compileSafe('publishToMavenLocal|--dry-run') }),
  spec('package', `(?:mvn|mvnw|\\./mvnw)\\b[^\\n]*\\s(?:deploy|release:perform|deploy:deploy-file)\\b`, 'mvn deploy', { target: 'a Maven repository', unless: compileSafe('-Dmaven\\.deploy\\.skip=true|-DskipDeploy') }),
  spec('package', `cargo\\s+publish\\b`, 'cargo publish', { target: 'crates.io' }),
  spec('package', `gem\\s+push\\b`, 'gem push', { target: 'RubyGems' }),
  spec('package', `(?:dotnet\\s+nuget|nuget)\\s+push\\b`, 'nuget push', { target: 'NuGet' }),
  spec('package', `gh\\s+release\\s+(?:create|upload)\\b`, 'gh release', { target: 'GitHub Releases' }),
  spec('package', `helm\\s+(?:push|cm-push)\\b`, 'helm push', { target: 'a Helm chart repository' }),
  spec('package', `(?:npx\\s+)?(?:@vscode/)?vsce\\s+publish\\b`, 'vsce publish', { target: 'the VS Code Marketplace' }),
  spec('package', `(?:npx\\s+)?ovsx\\s+publish\\b`, 'ovsx publish', { target: 'Open VSX' }),
  spec('deployment', `kubectl\\s+(?:-\\S+\\s+(?:\\S+\\s+)?)*(?:apply|create|replace|set\\s+image|rollout\\s+restart)\\b`, 'kubectl', { tool: 'Kubernetes', unless: compileSafe('--dry-run|kubectl\\s+create\\s+(?:secret|configmap|namespace|ns)\\b') }),
  spec('deployment', `helm\\s+(?:-\\S+\\s+)*(?:upgrade|install)\\b`, 'helm upgrade', { tool: 'Helm' }),
  spec('deployment', `helmfile\\b[^\\n]*\\s(?:apply|sync)\\b`, 'helmfile', { tool: 'Helm' }),
  spec('deployment', `(?:terraform|tofu|terragrunt)\\s+(?:-\\S+\\s+)*(?:run-all\\s+)?apply\\b`, 'terraform apply', { tool: 'Terraform' }),
  spec('deployment', `pulumi\\s+up\\b`, 'pulumi up', { tool: 'Pulumi', unless: compileSafe('--preview-only') }),
  spec('deployment', `cdk\\s+deploy\\b`, 'cdk deploy', { tool: 'AWS CDK' }),
  spec('deployment', `(?:serverless|sls)\\s+deploy\\b`, 'serverless deploy', { tool: 'Serverless Framework' }),
  spec('deployment', `sam\\s+deploy\\b`, 'sam deploy', { tool: 'AWS SAM' }),
  spec('deployment', `aws\\s+ecs\\s+update-service\\b`, 'aws ecs update-service', { tool: 'Amazon ECS' }),
  spec('deployment', `aws\\s+cloudformation\\s+(?:deploy|create-stack|update-stack)\\b`, 'aws cloudformation deploy', { tool: 'AWS CloudFormation' }),
  spec('deployment', `gcloud\\s+(?:\\S+\\s+)?(?:run|app|functions)\\s+deploy\\b`, 'gcloud deploy', { tool: 'Google Cloud' }),
  spec('deployment', `az\\s+(?:webapp|functionapp|containerapp|deployment)\\s+(?:\\S+\\s+)?(?:deploy|update|create|up)\\b`, 'az deploy', { tool: 'Azure' }),
  spec('deployment', `(?:flyctl|fly)\\s+deploy\\b`, 'fly deploy', { tool: 'Fly.io' }),
  spec('deployment', `vercel\\b[^\\n]*--prod\\b`, 'vercel --prod', { tool: 'Vercel' }),
  spec('deployment', `netlify\\s+deploy\\b[^\\n]*--prod\\b`, 'netlify deploy --prod', { tool: 'Netlify' }),
  spec('deployment', `firebase\\s+deploy\\b`, 'firebase deploy', { tool: 'Firebase' }),
  spec('deployment', `(?:heroku\\s+container:release|git\\s+push\\s+(?:-\\S+\\s+)*heroku)\\b`, 'heroku', { tool: 'Heroku' }),
  spec('deployment', `wrangler\\s+(?:deploy|publish|pages\\s+deploy)\\b`, 'wrangler deploy', { tool: 'Cloudflare' }),
  spec('deployment', `eb\\s+deploy\\b`, 'eb deploy', { tool: 'AWS Elastic Beanstalk' }),
  spec('deployment', `argocd\\s+app\\s+sync\\b`, 'argocd app sync', { tool: 'Argo CD' }),
];

/** Cheap filter before the patterns: a line without any of these words delivers nothing. */
const COMMAND_WORDS = /push|publish|release|upload|deploy|apply|install|upgrade|replace|create|set\s+image|rollout|sync|\bup\b|jib|executor|\bko\b|copy|\bcp\b|--prod|container:release/;

/** The deliveries of shell script lines (backslash continuations joined, comment lines skipped). */
function scriptDeliveries(lines: readonly string[], ctx: JobContext, out: Collector): void {
  const joined: string[] = [];
  for (const text of lines) {
    let buf = '';
    for (const raw of text.split('\n')) {
      const l = raw.replace(/\r$/, '');
      if (l.endsWith('\\')) {
        buf += `${l.slice(0, -1)} `;
        continue;
      }
      joined.push(buf + l);
      buf = '';
    }
    if (buf) joined.push(buf);
  }
  for (const line of joined) {
    const t = line.trim();
    if (!t || t.startsWith('#') || t.startsWith('//') || t.startsWith('echo ') || !COMMAND_WORDS.test(t)) continue;
    const code = t.length > 4000 ? t.slice(0, 4000) : t;
    for (const c of COMMANDS) {
      const m = first(c.re, code);
      if (!m || c.unless?.test(code)) continue;
      const needle = m.text.trim().replace(/^[;&|(`"']+/, '').slice(0, 60);
      if (c.kind === 'image') {
        const image = m.groups.image ?? /(?:^|\s)(?:-t|--tag)[=\s]+([^\s;&|'"()`]+)/.exec(code)?.[1];
        const where = image ? imageTarget(image, ctx) : { target: ctx.registry ?? 'a container registry' };
        out.add({ kind: 'image', ...where, via: c.via, job: ctx.name, needle });
      } else if (c.kind === 'package') {
        out.add({ kind: 'package', target: packageTarget(c, code), via: c.via, job: ctx.name, needle });
      } else {
        out.add(deployment(ctx, c.tool ?? c.via, c.via, needle));
      }
    }
  }
}

function first(re: SafePattern, text: string) {
  for (const m of re.matchAll(text)) return m;
  return undefined;
}

/** A package release's target, refined by options (`--registry`, `--repository testpypi`). */
function packageTarget(c: CommandSpec, line: string): string {
  const base = c.target ?? 'a package registry';
  if (base === 'npm') {
    const reg = /--registry[=\s]+["']?(?:https?:\/\/)?([^\s/"']+)/.exec(line)?.[1];
    if (reg && reg !== 'registry.npmjs.org') return reg === 'npm.pkg.github.com' ? 'GitHub Packages (npm)' : reg;
  }
  if (base === 'PyPI') {
    const repo = /(?:--repository|-r)[=\s]+["']?([^\s"']+)/.exec(line)?.[1] ?? /--repository-url[=\s]+["']?(?:https?:\/\/)?([^\s/"']+)/.exec(line)?.[1];
    if (repo && /test/i.test(repo)) return 'TestPyPI';
    if (repo && repo !== 'pypi' && !/^upload\.pypi\.org$/.test(repo)) return repo;
  }
  return base;
}

/** A deployment: to the job's environment when it names one, else to what the tool deploys to. */
function deployment(ctx: JobContext, tool: string, via: string, needle: string): Delivery {
  return ctx.environment
    ? { kind: 'deployment', target: ctx.environment, what: tool, via, job: ctx.name, needle }
    : { kind: 'deployment', target: tool, via, job: ctx.name, needle };
}

// ---------------------------------------------------------------------------------------------
// GitHub Actions

interface ActionSpec {
  readonly uses: RegExp;
  readonly kind: DeliveryKind;
  readonly target: string | ((w: Obj, ctx: JobContext) => string | undefined);
  /** Delivers only when this says so (a `push: true`, `args: release`). */
  readonly when?: (w: Obj) => boolean;
}

const truthy = (v: unknown) => v === true || (typeof v === 'string' && v.trim() !== '' && !/^(false|no|0)$/i.test(v.trim()));

const ACTIONS: readonly ActionSpec[] = [
  { uses: /^pypa\/gh-action-pypi-publish$/i, kind: 'package', target: (w) => (/test\.pypi/i.test(str(w['repository-url']) ?? str(w.repository_url) ?? '') ? 'TestPyPI' : 'PyPI') },
  { uses: /^js-devtools\/npm-publish$/i, kind: 'package', target: 'npm' },
  { uses: /^(softprops\/action-gh-release|ncipollo\/release-action|actions\/create-release|marvinpinto\/action-automatic-releases)$/i, kind: 'package', target: 'GitHub Releases' },
  { uses: /^goreleaser\/goreleaser-action$/i, kind: 'package', target: 'GitHub Releases (GoReleaser)', when: (w) => /\brelease\b/.test(str(w.args) ?? '') && !/--snapshot|--skip[= ]publish/.test(str(w.args) ?? '') },
  { uses: /^(cycjimmy|codfish)\/semantic-release-action$/i, kind: 'package', target: 'a release (semantic-release)', when: (w) => !truthy(w.dry_run) },
  { uses: /^changesets\/action$/i, kind: 'package', target: 'npm', when: (w) => typeof w.publish === 'string' && w.publish.trim() !== '' },
  { uses: /^helm\/chart-releaser-action$/i, kind: 'package', target: 'a Helm chart repository' },
  { uses: /^katyo\/publish-crates$/i, kind: 'package', target: 'crates.io', when: (w) => !truthy(w['dry-run']) },
  { uses: /^(gradle\/gradle-build-action|gradle\/actions\/setup-gradle)$/i, kind: 'package', target: 'a Maven repository', when: (w) => /(^|\s)publish\w*/.test(str(w.arguments) ?? '') && !/publishToMavenLocal/.test(str(w.arguments) ?? '') },
  { uses: /^(actions\/deploy-pages|peaceiris\/actions-gh-pages|jamesives\/github-pages-deploy-action)$/i, kind: 'deployment', target: 'GitHub Pages' },
  { uses: /^azure\/(webapps-deploy|functions-action|k8s-deploy|arm-deploy|container-apps-deploy-action|static-web-apps-deploy|aks-set-context-deploy)$/i, kind: 'deployment', target: 'Azure' },
  { uses: /^aws-actions\/amazon-ecs-deploy-task-definition$/i, kind: 'deployment', target: 'Amazon ECS' },
  { uses: /^aws-actions\/aws-cloudformation-github-deploy$/i, kind: 'deployment', target: 'AWS CloudFormation' },
  { uses: /^google-github-actions\/(deploy-cloudrun|deploy-appengine|deploy-cloud-functions)$/i, kind: 'deployment', target: 'Google Cloud' },
  { uses: /^cloudflare\/(wrangler-action|pages-action)$/i, kind: 'deployment', target: 'Cloudflare' },
  { uses: /^amondnet\/vercel-action$/i, kind: 'deployment', target: 'Vercel' },
  { uses: /^nwtgck\/actions-netlify$/i, kind: 'deployment', target: 'Netlify', when: (w) => truthy(w['production-deploy']) },
  { uses: /^akhileshns\/heroku-deploy$/i, kind: 'deployment', target: 'Heroku' },
  { uses: /^(dflook\/terraform-apply|hashicorp\/tfc-workflows-github\/actions\/apply-run)$/i, kind: 'deployment', target: 'Terraform' },
  { uses: /^(deliverybot\/helm|bitovi\/github-actions-deploy-eks-helm)$/i, kind: 'deployment', target: 'Helm' },
  { uses: /^redhat-actions\/push-to-registry$/i, kind: 'image', target: (w) => (str(w.registry) ? undefined : 'a container registry') },
  { uses: /^docker\/bake-action$/i, kind: 'image', target: (_w, ctx) => ctx.registry ?? 'a container registry', when: (w) => truthy(w.push) },
];

/** `owner/repo[/path]` of a `uses:` value, without the version (`@v4`); local and docker actions as written. */
function actionName(uses: string): string {
  return uses.replace(/@.*$/, '').trim();
}

/** An environment name in words: `the production environment`; one set by an expression is chosen at run time. */
function environmentWords(name: string | undefined): string | undefined {
  if (name === undefined || name.trim() === '') return undefined;
  if (name.includes('${{') || name.startsWith('$')) return 'an environment chosen at run time';
  return `the ${name.trim()} environment`;
}

function github(doc: Obj, out: Collector): void {
  const top = vars(doc.env);
  if (!isObj(doc.jobs)) return;
  for (const [id, job] of Object.entries(doc.jobs)) {
    if (!isObj(job)) continue;
    const environment = environmentWords(str(job.environment) ?? (isObj(job.environment) ? str(job.environment.name) : undefined));
    const ctx: JobContext = { name: id, env: merged(top, vars(job.env)), ...(environment ? { environment } : {}) };
    githubSteps(list(job.steps), ctx, out);
    // A job bound to an environment deploys there, whatever its steps (or the reusable workflow it calls) run.
    if (environment && !out.list.some((d) => d.job === id)) out.add({ kind: 'deployment', target: environment, via: 'environment', job: id, needle: 'environment' });
  }
}

function githubAction(doc: Obj, out: Collector): void {
  const runs = isObj(doc.runs) ? doc.runs : {};
  githubSteps(list(runs.steps), { name: str(doc.name) ?? '(action)', env: new Map() }, out);
}

function githubSteps(steps: readonly unknown[], ctx: JobContext, out: Collector): void {
  const objs = steps.filter(isObj);
  // Registry logins and image metadata first: they place the images pushed later in the job.
  const meta = new Map<string, string[]>();
  for (const step of objs) {
    const uses = typeof step.uses === 'string' ? actionName(step.uses).toLowerCase() : '';
    const w = isObj(step.with) ? step.with : {};
    if (uses === 'docker/login-action') {
      const reg = substitute(str(w.registry) ?? '', merged(new Map(ctx.env), vars(step.env)));
      ctx.registry = !reg ? 'Docker Hub' : LITERAL.test(reg) ? registryName(reg.replace(/^https?:\/\//, '').replace(/\/.*$/, '')) : /ecr/i.test(reg) ? 'Amazon ECR' : ctx.registry ?? 'a container registry';
    } else if (uses === 'aws-actions/amazon-ecr-login') ctx.registry = 'Amazon ECR';
    else if (uses === 'azure/docker-login') ctx.registry = 'Azure Container Registry';
    else if (uses === 'docker/metadata-action' && typeof step.id === 'string') {
      meta.set(step.id, splitList(str(w.images) ?? '').filter((i) => !i.includes('=') || i.startsWith('name=')));
    }
  }
  for (const step of objs) {
    const env = merged(new Map(ctx.env), vars(step.env));
    const stepCtx: JobContext = { ...ctx, env };
    if (typeof step.run === 'string') scriptDeliveries([step.run], stepCtx, out);
    if (typeof step.uses !== 'string') continue;
    const name = actionName(step.uses);
    const w = isObj(step.with) ? step.with : {};
    if (/^docker\/build-push-action$/i.test(name)) {
      const pushes = truthy(w.push) || /type=registry|push=true/.test(str(w.outputs) ?? '');
      if (!pushes) continue;
      const tags = splitList(str(w.tags) ?? '');
      const images = tags.flatMap((t) => {
        const ref = /steps\.([A-Za-z0-9_-]+)\.outputs\.tags/.exec(t);
        return ref ? meta.get(ref[1]!) ?? [] : [t];
      });
      if (images.length === 0) out.add({ kind: 'image', target: ctx.registry ?? 'a container registry', via: 'docker/build-push-action', job: ctx.name, needle: step.uses });
      for (const image of images) out.add({ kind: 'image', ...imageTarget(image.replace(/^type=\S*\s*/, ''), stepCtx), via: 'docker/build-push-action', job: ctx.name, needle: step.uses });
      continue;
    }
    for (const a of ACTIONS) {
      if (!a.uses.test(name) || (a.when && !a.when(w))) continue;
      let target = typeof a.target === 'string' ? a.target : a.target(w, stepCtx);
      if (a.kind === 'image' && target === undefined) target = imageTarget(`${str(w.registry)}/${str(w.image) ?? 'image'}`, stepCtx).target;
      if (!target) continue;
      if (a.kind === 'deployment') out.add(deployment(stepCtx, target, name, step.uses));
      else out.add({ kind: a.kind, target, via: name, job: ctx.name, needle: step.uses });
    }
    // Actions that run a script given as input.
    for (const key of ['script', 'run', 'exec', 'command', 'args', 'inlineScript']) {
      const v = w[key];
      if (typeof v === 'string' && !/^docker\/|^goreleaser\//i.test(name)) scriptDeliveries([v], stepCtx, out);
    }
  }
}

function splitList(text: string): string[] {
  return text.split(/[\n,]/).map((s) => s.trim()).filter((s) => s !== '');
}

// ---------------------------------------------------------------------------------------------
// GitLab CI

const GITLAB_RESERVED = new Set(['default', 'include', 'stages', 'variables', 'workflow', 'image', 'services', 'cache', 'before_script', 'after_script', 'spec', 'types']);

function gitlab(doc: Obj, out: Collector): void {
  const top = vars(doc.variables);
  const jobs = new Map<string, Obj>();
  for (const [k, v] of Object.entries(doc)) if (!GITLAB_RESERVED.has(k) && isObj(v)) jobs.set(k, v);
  // `extends`: keys the job does not set come from its templates (in order, up to 10 levels).
  const resolve = (job: Obj, depth: number): Obj => {
    if (depth > 10) return job;
    const parents = strings(job.extends);
    if (parents.length === 0) return job;
    let base: Obj = {};
    for (const p of parents) {
      const t = jobs.get(p);
      if (t) base = { ...base, ...resolve(t, depth + 1) };
    }
    const { extends: _drop, ...own } = job;
    return { ...base, ...own, variables: { ...(isObj(base.variables) ? base.variables : {}), ...(isObj(own.variables) ? own.variables : {}) } };
  };
  const defaults = isObj(doc.default) ? doc.default : {};
  for (const [name, raw] of jobs) {
    if (name.startsWith('.')) continue;
    const job = resolve(raw, 0);
    const env = isObj(job.environment) ? job.environment : undefined;
    const envName = str(job.environment) ?? (env ? str(env.name) : undefined);
    const action = env ? str(env.action) ?? 'start' : 'start';
    const deploys = envName !== undefined && action === 'start';
    const words = deploys ? environmentWords(envName!.replace(/\$\{?CI_(COMMIT_REF|MERGE_REQUEST_SOURCE_BRANCH)_(SLUG|NAME)\}?/g, '<branch>')) : undefined;
    const ctx: JobContext = { name, env: merged(top, vars(job.variables)), ...(words ? { environment: words } : {}) };
    const before = job.before_script ?? (job.before_script === undefined ? defaults.before_script ?? doc.before_script : undefined);
    const lines = [...strings(before), ...strings(job.script), ...strings(job.after_script)];
    const count = out.list.length;
    scriptDeliveries(lines, ctx, out);
    if (isObj(job.release)) out.add({ kind: 'package', target: 'GitLab Releases', via: 'release:', job: name, needle: 'release:' });
    if (name === 'pages' || job.pages === true || isObj(job.pages)) out.add({ kind: 'deployment', target: 'GitLab Pages', via: 'pages', job: name, needle: `${name}:` });
    if (ctx.environment && out.list.length === count) out.add({ kind: 'deployment', target: ctx.environment, via: 'environment', job: name, needle: 'environment' });
  }
  // Auto DevOps and GitLab's deploy templates deploy.
  for (const inc of [doc.include].flat()) {
    const t = isObj(inc) ? str(inc.template) : undefined;
    if (t && /Auto-DevOps|Deploy/i.test(t)) out.add({ kind: 'deployment', target: `GitLab template ${t.replace(/\.gitlab-ci\.yml$/, '')}`, via: 'include: template', job: '(include)', needle: t });
  }
}

// ---------------------------------------------------------------------------------------------
// CircleCI

interface OrbSpec { readonly orb: RegExp; readonly command: RegExp; readonly kind: DeliveryKind; readonly target: string }

const ORBS: readonly OrbSpec[] = [
  { orb: /(^|\/)docker$/, command: /^(publish|push)$/, kind: 'image', target: 'Docker Hub' },
  { orb: /aws-ecr$/, command: /push|build[-_]and[-_]push/, kind: 'image', target: 'Amazon ECR' },
  { orb: /gcp-gcr$/, command: /push/, kind: 'image', target: 'Google Container Registry' },
  { orb: /azure-acr$/, command: /push/, kind: 'image', target: 'Azure Container Registry' },
  { orb: /kubernetes$/, command: /create[-_]or[-_]update|update[-_]container[-_]image|rollout|apply/, kind: 'deployment', target: 'Kubernetes' },
  { orb: /helm$/, command: /upgrade|install/, kind: 'deployment', target: 'Helm' },
  { orb: /heroku$/, command: /deploy|release|push/, kind: 'deployment', target: 'Heroku' },
  { orb: /aws-ecs$/, command: /deploy|update/, kind: 'deployment', target: 'Amazon ECS' },
  { orb: /terraform$/, command: /^apply/, kind: 'deployment', target: 'Terraform' },
  { orb: /aws-s3$/, command: /^(sync|copy)$/, kind: 'deployment', target: 'Amazon S3' },
  { orb: /gcp-cloud-run$/, command: /deploy/, kind: 'deployment', target: 'Google Cloud' },
];

function circleci(doc: Obj, out: Collector): void {
  const orbs = new Map<string, string>();
  for (const [alias, ref] of Object.entries(isObj(doc.orbs) ? doc.orbs : {})) orbs.set(alias, typeof ref === 'string' ? ref.replace(/@.*$/, '') : alias);
  const orbStep = (call: string, params: Obj, ctx: JobContext): void => {
    const slash = call.indexOf('/');
    if (slash < 0) return;
    const orb = (orbs.get(call.slice(0, slash)) ?? call.slice(0, slash)).toLowerCase();
    const command = call.slice(slash + 1).toLowerCase();
    for (const o of ORBS) {
      if (!o.orb.test(orb) || !o.command.test(command)) continue;
      if (o.kind === 'deployment') out.add(deployment(ctx, o.target, call, call));
      else {
        const reg = str(params.registry);
        const target = o.kind === 'image' && reg && LITERAL.test(reg) ? registryName(reg) : o.target;
        out.add({ kind: o.kind, target, ...(typeof params.image === 'string' && LITERAL.test(params.image) ? { what: params.image } : {}), via: call, job: ctx.name, needle: call });
      }
      return;
    }
  };
  const steps = (list_: readonly unknown[], ctx: JobContext) => {
    for (const s of list_) {
      if (typeof s === 'string') orbStep(s, {}, ctx);
      if (!isObj(s)) continue;
      for (const [k, v] of Object.entries(s)) {
        if (k === 'run') scriptDeliveries(strings(isObj(v) ? v.command : v), ctx, out);
        else if (k.includes('/')) orbStep(k, isObj(v) ? v : {}, ctx);
      }
    }
  };
  for (const [name, job] of Object.entries(isObj(doc.jobs) ? doc.jobs : {})) {
    if (isObj(job)) steps(list(job.steps), { name, env: vars(job.environment) });
  }
  for (const [name, cmd] of Object.entries(isObj(doc.commands) ? doc.commands : {})) {
    if (isObj(cmd)) steps(list(cmd.steps), { name, env: new Map() });
  }
  // Orb jobs called from a workflow (`- aws-ecr/build-and-push-image: {...}`).
  for (const wf of Object.values(isObj(doc.workflows) ? doc.workflows : {})) {
    if (!isObj(wf)) continue;
    for (const j of list(wf.jobs)) {
      if (typeof j === 'string' && j.includes('/')) orbStep(j, {}, { name: j, env: new Map() });
      else if (isObj(j)) for (const [k, v] of Object.entries(j)) if (k.includes('/')) orbStep(k, isObj(v) ? v : {}, { name: (isObj(v) && str(v.name)) || k, env: new Map() });
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Azure Pipelines

interface TaskSpec { readonly task: RegExp; readonly kind: DeliveryKind; readonly target: (inputs: Obj) => string | undefined }

const lower = (v: unknown) => (str(v) ?? '').toLowerCase();

const TASKS: readonly TaskSpec[] = [
  { task: /^Docker$/i, kind: 'image', target: (i) => (/^(push|buildandpush)$/.test(lower(i.command)) ? (str(i.containerRegistry) ? `the container registry of service connection ${str(i.containerRegistry)}` : 'a container registry') : undefined) },
  { task: /^Npm$/i, kind: 'package', target: (i) => (lower(i.command) === 'publish' ? (lower(i.publishRegistry) === 'usefeed' ? 'Azure Artifacts' : 'npm') : undefined) },
  { task: /^(NuGetCommand|DotNetCoreCLI)$/i, kind: 'package', target: (i) => (lower(i.command) === 'push' ? (lower(i.nuGetFeedType) === 'external' ? 'NuGet' : 'Azure Artifacts') : undefined) },
  { task: /^UniversalPackages$/i, kind: 'package', target: (i) => (lower(i.command) === 'publish' ? 'Azure Artifacts' : undefined) },
  { task: /^(GitHubRelease)$/i, kind: 'package', target: (i) => (lower(i.action || 'create') !== 'delete' ? 'GitHub Releases' : undefined) },
  { task: /^(KubernetesManifest)$/i, kind: 'deployment', target: (i) => (/^(deploy|patch|promote)$/.test(lower(i.action)) ? 'Kubernetes' : undefined) },
  { task: /^Kubernetes$/i, kind: 'deployment', target: (i) => (/^(apply|set|create)$/.test(lower(i.command)) ? 'Kubernetes' : undefined) },
  { task: /^HelmDeploy$/i, kind: 'deployment', target: (i) => (/^(upgrade|install)$/.test(lower(i.command)) ? 'Helm' : undefined) },
  { task: /^(TerraformTask(V\d+)?|TerraformCLI)$/i, kind: 'deployment', target: (i) => (lower(i.command) === 'apply' ? 'Terraform' : undefined) },
  { task: /^(AzureWebApp|AzureRmWebAppDeployment|AzureFunctionApp|AzureWebAppContainer|AzureFunctionAppContainer|AzureContainerApps|AzureResourceManagerTemplateDeployment|AzureResourceGroupDeployment|AzureSpringCloud|AzureStaticWebApp|AzureAppServiceManage)$/i, kind: 'deployment', target: () => 'Azure' },
];

function azure(doc: Obj, ctx: JobContext, out: Collector, depth = 0): void {
  if (depth > 4) return;
  for (const stage of list(doc.stages)) {
    if (isObj(stage)) azure(stage, { ...ctx, name: str(stage.stage) ?? ctx.name, env: merged(new Map(ctx.env), vars(stage.variables)) }, out, depth + 1);
  }
  for (const job of list(doc.jobs)) {
    if (!isObj(job)) continue;
    const name = str(job.deployment) ?? str(job.job) ?? ctx.name;
    const environment = typeof job.deployment === 'string' ? str(job.environment) ?? (isObj(job.environment) ? str(job.environment.name) : undefined) : undefined;
    const words = environmentWords(environment?.replace(/\..*$/, ''));
    const jobCtx: JobContext = { name, env: merged(new Map(ctx.env), vars(job.variables)), ...(words ? { environment: words } : {}) };
    const count = out.list.length;
    azureSteps(list(job.steps), jobCtx, out);
    // A deployment job's steps live under its strategy (runOnce / rolling / canary → deploy …).
    const strategy = isObj(job.strategy) ? job.strategy : {};
    for (const s of Object.values(strategy)) {
      if (!isObj(s)) continue;
      for (const hook of Object.values(s)) if (isObj(hook)) azureSteps(list(hook.steps), jobCtx, out);
    }
    if (jobCtx.environment && out.list.length === count) out.add({ kind: 'deployment', target: jobCtx.environment, via: 'deployment job', job: name, needle: 'environment' });
  }
  if (depth === 0 || !Array.isArray(doc.jobs)) azureSteps(list(doc.steps), ctx, out);
}

function azureSteps(steps: readonly unknown[], ctx: JobContext, out: Collector): void {
  for (const step of steps) {
    if (!isObj(step)) continue;
    const env = merged(new Map(ctx.env), vars(step.env));
    const stepCtx: JobContext = { ...ctx, env };
    for (const key of ['script', 'bash', 'pwsh', 'powershell']) if (typeof step[key] === 'string') scriptDeliveries([step[key] as string], stepCtx, out);
    if (typeof step.task !== 'string') continue;
    const task = step.task.replace(/@.*$/, '');
    const inputs = isObj(step.inputs) ? step.inputs : {};
    for (const t of TASKS) {
      if (!t.task.test(task)) continue;
      const target = t.target(inputs);
      if (!target) continue;
      if (t.kind === 'deployment') out.add(deployment(stepCtx, target, step.task, step.task));
      else out.add({ kind: t.kind, target, via: step.task, job: ctx.name, needle: step.task });
    }
    for (const key of ['inlineScript', 'script', 'arguments']) if (typeof inputs[key] === 'string') scriptDeliveries([inputs[key] as string], stepCtx, out);
  }
}

// ---------------------------------------------------------------------------------------------
// Other YAML pipelines (Travis, Bitbucket, Drone, Woodpecker, Buildkite, Cloud Build…): every
// string under a script-like key, the job being the top-level key it sits under.

const SCRIPT_KEYS = /^(script|scripts|commands?|run|steps|before_script|after_script|deploy|after_success|before_deploy|args|entrypoint)$/i;

/** Travis CI `deploy: provider:` values. */
const PROVIDERS: Record<string, { kind: DeliveryKind; target: string }> = {
  npm: { kind: 'package', target: 'npm' }, pypi: { kind: 'package', target: 'PyPI' }, releases: { kind: 'package', target: 'GitHub Releases' },
  rubygems: { kind: 'package', target: 'RubyGems' }, pages: { kind: 'deployment', target: 'GitHub Pages' }, heroku: { kind: 'deployment', target: 'Heroku' },
  s3: { kind: 'deployment', target: 'Amazon S3' }, firebase: { kind: 'deployment', target: 'Firebase' }, netlify: { kind: 'deployment', target: 'Netlify' },
};

function generic(doc: Obj, out: Collector): void {
  let nodes = 0;
  const walk = (v: unknown, job: string, scripty: boolean, depth: number): void => {
    if (++nodes > MAX_NODES || depth > 24) return;
    if (typeof v === 'string') {
      if (scripty) scriptDeliveries([v], { name: job, env: new Map() }, out);
      return;
    }
    if (Array.isArray(v)) {
      for (const x of v) walk(x, job, scripty, depth + 1);
      return;
    }
    if (!isObj(v)) return;
    const provider = scripty ? lower(v.provider) : '';
    const known = PROVIDERS[provider];
    if (known) out.add(known.kind === 'deployment' ? deployment({ name: job, env: new Map() }, known.target, `provider: ${provider}`, provider) : { kind: known.kind, target: known.target, via: `provider: ${provider}`, job, needle: provider });
    for (const [k, x] of Object.entries(v)) walk(x, depth === 0 ? k : job, scripty || SCRIPT_KEYS.test(k), depth + 1);
  };
  walk(doc, '(pipeline)', false, 0);
}

// ---------------------------------------------------------------------------------------------
// Jenkinsfile (declarative or scripted): text patterns, each match placed in the stage before it.

const STAGE = compileSafe(`stage\\s*\\(\\s*(?:name\\s*:\\s*)?['"](?P<name>[^'"]{1,200})['"]`);
const WITH_REGISTRY = compileSafe(`docker\\.withRegistry\\s*\\(\\s*['"](?P<url>[^'"]*)['"]`);
const IMAGE_PUSH = compileSafe(`\\.push\\s*\\(`);
const JENKINS_STEPS: readonly { re: SafePattern; kind: DeliveryKind; target: string; via: string }[] = [
  { re: compileSafe('\\bkubernetesDeploy\\s*\\('), kind: 'deployment', target: 'Kubernetes', via: 'kubernetesDeploy' },
  { re: compileSafe('\\b(?:nexusArtifactUploader|nexusPublisher)\\b'), kind: 'package', target: 'a Nexus repository', via: 'nexusArtifactUploader' },
  { re: compileSafe('\\b(?:rtUpload|rtMavenDeployer|rtGradleDeployer)\\b'), kind: 'package', target: 'Artifactory', via: 'Artifactory' },
  { re: compileSafe('\\b(?:azureWebAppPublish|azureFunctionAppPublish)\\b'), kind: 'deployment', target: 'Azure', via: 'azureWebAppPublish' },
];

function jenkinsDeliveries(text: string): Delivery[] {
  const code = withoutComments(text);
  const stages: { at: number; name: string }[] = [];
  for (const m of STAGE.matchAll(code)) stages.push({ at: m.index, name: m.groups.name ?? '?' });
  let next = 0;
  let current = '(pipeline)';
  const stageAt = (pos: number): string => {
    while (next < stages.length && stages[next]!.at <= pos) current = stages[next++]!.name;
    return current;
  };
  const out = new Collector();
  const lines = code.split('\n');
  let pos = 0;
  const registries: { at: number; name: string }[] = [];
  for (const m of WITH_REGISTRY.matchAll(code)) {
    const url = (m.groups.url ?? '').replace(/^https?:\/\//, '').replace(/\/.*$/, '');
    registries.push({ at: m.index, name: url ? registryName(url) : 'Docker Hub' });
  }
  for (const line of lines) {
    const ctx: JobContext = { name: stageAt(pos + line.length), env: new Map() };
    if (/sh|bat|powershell|pwsh|"""|'''/.test(line) || COMMAND_WORDS.test(line)) scriptDeliveries([line.replace(/^\s*(?:sh|bat|powershell|pwsh)\s*\(?\s*(?:script\s*:\s*)?['"]{1,3}/, '')], ctx, out);
    if (IMAGE_PUSH.test(line) && /docker|image|img|app/i.test(line)) {
      const reg = lastBefore(registries, pos + line.length);
      out.add({ kind: 'image', target: reg?.name ?? 'Docker Hub', via: 'docker.push()', job: ctx.name, needle: '.push(' });
    }
    for (const s of JENKINS_STEPS) {
      if (!s.re.test(line)) continue;
      out.add(s.kind === 'deployment' ? deployment(ctx, s.target, s.via, s.via) : { kind: s.kind, target: s.target, via: s.via, job: ctx.name, needle: s.via });
    }
    pos += line.length + 1;
  }
  return out.list;
}

function lastBefore<T extends { at: number }>(xs: readonly T[], pos: number): T | undefined {
  let found: T | undefined;
  for (const x of xs) {
    if (x.at > pos) break;
    found = x;
  }
  return found;
}

/** Groovy text with its comments blanked (`/* … *\/` and `// …` outside strings; line lengths kept). Linear. */
function withoutComments(text: string): string {
  let out = '';
  let i = 0;
  let quote = '';
  while (i < text.length) {
    const c = text[i]!;
    if (quote) {
      if (c === '\\') {
        out += text.slice(i, i + 2);
        i += 2;
        continue;
      }
      if (text.startsWith(quote, i) || (c === '\n' && quote.length === 1)) {
        if (c === '\n') {
          out += c;
          i++;
          quote = '';
          continue;
        }
        out += quote;
        i += quote.length;
        quote = '';
        continue;
      }
      out += c;
      i++;
      continue;
    }
    if (text.startsWith("'''", i) || text.startsWith('"""', i)) {
      quote = text.slice(i, i + 3);
      out += quote;
      i += 3;
      continue;
    }
    if (c === '"' || c === "'") {
      quote = c;
      out += c;
      i++;
      continue;
    }
    if (text.startsWith('/*', i)) {
      const end = text.indexOf('*/', i + 2);
      const stop = end < 0 ? text.length : end + 2;
      out += text.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop;
      continue;
    }
    if (text.startsWith('//', i)) {
      const end = text.indexOf('\n', i);
      const stop = end < 0 ? text.length : end;
      out += ' '.repeat(stop - i);
      i = stop;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}
