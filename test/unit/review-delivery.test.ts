/**
 * Delivery changes in CI pipelines: which jobs publish or deploy, and where to, read from GitHub
 * Actions, GitLab CI, CircleCI, Azure Pipelines and Jenkinsfiles (fixtures in
 * test/fixtures/review-delivery), before and after; scenarios on real temporary git repositories.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pipelineDeliveries, type Delivery } from '../../src/core/review/pipelines';
import { record, TempRepo } from '../support/gitRepo';
import { review, scenario, summary } from '../support/reviewHarness';

const FIXTURES = join(process.cwd(), 'test/fixtures/review-delivery');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
/** `kind → target [what] (job)` per delivery. */
const brief = (list: readonly Delivery[] | undefined) => list?.map((d) => `${d.kind} → ${d.target}${d.what ? ` [${d.what}]` : ''} (${d.job})`);

describe('pipelines: what each job delivers, and where', () => {
  it('GitHub Actions: build-push-action with push (a flag or an expression) to the registry its tags, metadata or login name', () => {
    assert.deepEqual(brief(pipelineDeliveries('.github/workflows/p.yml', fixture('github-publish-dockerhub.yml'))), ['image → Docker Hub [acme/api] (docker)']);
    assert.deepEqual(brief(pipelineDeliveries('.github/workflows/p.yml', fixture('github-publish-ghcr.yml'))), ['image → GitHub Container Registry (build-and-push-image)']);
    // Tests and a local image build (push: false) deliver nothing.
    assert.deepEqual(pipelineDeliveries('.github/workflows/ci.yml', fixture('github-ci.yml')), []);
  });

  it('GitHub Actions: run scripts (npm publish, twine, goreleaser, kubectl, terraform), release actions, environments', () => {
    const wf = [
      'on: push', 'env:', '  IMAGE: registry.example.com/team/app', 'jobs:',
      '  npm:', '    runs-on: ubuntu-latest', '    steps:', '      - run: npm publish --access public', '      - run: npm publish --dry-run',
      '  py:', '    runs-on: ubuntu-latest', '    steps:', '      - uses: pypa/gh-action-pypi-publish@release/v1', '        with:', '          repository-url: https://test.pypi.org/legacy/',
      '  go:', '    runs-on: ubuntu-latest', '    steps:', '      - uses: goreleaser/goreleaser-action@v6', '        with:', '          args: release --clean',
      '  snap:', '    runs-on: ubuntu-latest', '    steps:', '      - uses: goreleaser/goreleaser-action@v6', '        with:', '          args: release --snapshot',
      '  infra:', '    runs-on: ubuntu-latest', '    environment:', '      name: staging', '    steps:', '      - run: terraform -chdir=infra apply -auto-approve',
      '  push:', '    runs-on: ubuntu-latest', '    steps:', '      - run: docker push $IMAGE:1.0',
      '  approve:', '    runs-on: ubuntu-latest', '    environment: production', '    steps:', '      - run: echo approved',
      '  pages:', '    runs-on: ubuntu-latest', '    steps:', '      - uses: actions/deploy-pages@v4',
      '  tools:', '    runs-on: ubuntu-latest', '    steps:', '      - run: npm install -g semantic-release', '      - run: kubectl get pods', '      - run: helm lint charts/api',
    ].join('\n');
    assert.deepEqual(brief(pipelineDeliveries('.github/workflows/release.yaml', wf)), [
      'package → npm (npm)', 'package → TestPyPI (py)', 'package → GitHub Releases (GoReleaser) (go)',
      'deployment → the staging environment [Terraform] (infra)', 'image → registry.example.com [registry.example.com/team/app] (push)',
      'deployment → the production environment (approve)', 'deployment → GitHub Pages (pages)',
    ]);
  });

  it('GitLab CI: scripts of jobs (anchors, merge keys and extends resolved), environments, stop actions left out', () => {
    assert.deepEqual(brief(pipelineDeliveries('.gitlab-ci.yml', fixture('gitlab-ci.yml'))), [
      'image → GitLab Container Registry (build-image)', 'deployment → the production environment [Kubernetes] (deploy-production)',
    ]);
  });

  it('CircleCI: run commands, orb commands and orb jobs called from a workflow', () => {
    assert.deepEqual(brief(pipelineDeliveries('.circleci/config.yml', fixture('circleci.yml'))), [
      'package → npm (release)', 'image → Amazon ECR (aws-ecr/build_and_push_image)',
    ]);
  });

  it('Azure Pipelines: tasks by their command, deployment jobs and their strategy steps', () => {
    assert.deepEqual(brief(pipelineDeliveries('azure-pipelines.yml', fixture('azure-pipelines.yml'))), [
      'image → the container registry of service connection acmeAcr (image)', 'deployment → the production environment [Kubernetes] (web)',
    ]);
  });

  it('Jenkinsfile: shell steps and docker.withRegistry pushes, each in its stage; commented-out steps do not count', () => {
    assert.deepEqual(brief(pipelineDeliveries('Jenkinsfile', fixture('Jenkinsfile'))), [
      'image → registry.example.com (Publish)', 'deployment → Kubernetes (Deploy)',
    ]);
  });

  it('unreadable pipelines say so (undefined), never throw: malformed, too deeply nested, alias bombs; hostile text stays linear', () => {
    assert.equal(pipelineDeliveries('.github/workflows/a.yml', 'jobs: [unclosed'), undefined);
    assert.equal(pipelineDeliveries('.github/workflows/a.yml', `jobs: ${'['.repeat(40)}${']'.repeat(40)}`), undefined);
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...Array.from({ length: 9 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`)].join('\n');
    assert.equal(pipelineDeliveries('.gitlab-ci.yml', bomb), undefined);
    const t0 = Date.now();
    const long = `pipeline { stages { stage('x') { steps { sh '${'docker push '.repeat(20000)}' ${'/*'.repeat(20000)} } } } }`;
    assert.ok(Array.isArray(pipelineDeliveries('Jenkinsfile', long)));
    assert.ok(Array.isArray(pipelineDeliveries('.gitlab-ci.yml', `job:\n  script:\n    - "${'kubectl -x '.repeat(20000)}apply"\n`)));
    assert.ok(Date.now() - t0 < 5000, `took ${Date.now() - t0} ms`);
  });
});

describe('review scenarios: delivery changes in CI pipelines', function () {
  this.timeout(30000);

  it('a new workflow that publishes an image is a delivery change at warning level that says what changed', async () => {
    const repo = new TempRepo().commit('base', { 'src/a.ts': '1\n', '.github/workflows/ci.yml': fixture('github-ci.yml') });
    try {
      repo.write({ '.github/workflows/publish.yml': fixture('github-publish-dockerhub.yml') });
      const out = await review(repo);
      assert.deepEqual(summary(out), ['ci-delivery .github/workflows/publish.yml image: Docker Hub undocumented']);
      const f = out.findings[0]!;
      assert.equal(f.severity, 'warning');
      assert.equal(f.family, 'infrastructure');
      assert.match(f.message, /now publishes the image acme\/api to Docker Hub \(job docker: docker\/build-push-action\)/);
      assert.equal(f.line, fixture('github-publish-dockerhub.yml').split('\n').findIndex((l) => l.includes('build-push-action')) + 1);
      assert.deepEqual(f.suggestion, { title: 'Delivery: now publishes the image acme/api to Docker Hub', governs: ['.github/workflows/publish.yml'] });
    } finally {
      repo.dispose();
    }
  });

  it('look-alikes: a step version, a flag, a cache key, or a build without push stay a note', async () => {
    const repo = new TempRepo().commit('base', { '.github/workflows/ci.yml': fixture('github-ci.yml') });
    try {
      repo.write({ '.github/workflows/ci.yml': fixture('github-ci-edited.yml'), '.github/workflows/nightly.yml': fixture('github-ci.yml').replace('name: CI', 'name: Nightly') });
      const out = await review(repo);
      assert.deepEqual(summary(out), ['ci-pipeline .github/workflows/ci.yml undocumented', 'ci-pipeline .github/workflows/nightly.yml undocumented']);
      assert.deepEqual(out.findings.map((f) => f.severity), ['info', 'info']);
    } finally {
      repo.dispose();
    }
  });

  it('a changed target: from Docker Hub to the GitHub Container Registry (one finding each way)', async () => {
    const out = await scenario({ '.github/workflows/publish.yml': fixture('github-publish-dockerhub.yml') }, { '.github/workflows/publish.yml': fixture('github-publish-ghcr.yml') });
    assert.deepEqual(out, [
      'ci-delivery .github/workflows/publish.yml image: Docker Hub undocumented', 'ci-delivery .github/workflows/publish.yml image: GitHub Container Registry undocumented',
    ]);
  });

  it('the image repository changed on the same registry; editing the push job otherwise is a note', async () => {
    const base = fixture('github-publish-dockerhub.yml');
    const repo = new TempRepo().commit('base', { '.github/workflows/publish.yml': base });
    try {
      repo.write({ '.github/workflows/publish.yml': base.replace(/acme\/api/g, 'acme/web') });
      let out = await review(repo);
      assert.deepEqual(summary(out), ['ci-delivery .github/workflows/publish.yml image: Docker Hub undocumented']);
      assert.match(out.findings[0]!.message, /now publishes the image acme\/web to Docker Hub instead of acme\/api/);
      repo.write({ '.github/workflows/publish.yml': base.replace('login-action@v3', 'login-action@v4').replace('branches: [main]', 'branches: [main, release]') });
      out = await review(repo);
      assert.deepEqual(summary(out), ['ci-pipeline .github/workflows/publish.yml undocumented']);
    } finally {
      repo.dispose();
    }
  });

  it('GitLab: removing the production deployment says it no longer deploys there, on the old line', async () => {
    const base = fixture('gitlab-ci.yml');
    const after = base.slice(0, base.indexOf('deploy-production:')) + base.slice(base.indexOf('stop-review:'));
    const repo = new TempRepo().commit('base', { '.gitlab-ci.yml': base });
    try {
      repo.write({ '.gitlab-ci.yml': after });
      const out = await review(repo);
      assert.deepEqual(summary(out), ['ci-delivery .gitlab-ci.yml deployment: the production environment undocumented']);
      assert.match(out.findings[0]!.message, /no longer deploys to the production environment with Kubernetes \(was job deploy-production: kubectl\)/);
      assert.equal(out.findings[0]!.oldSide, true);
    } finally {
      repo.dispose();
    }
  });

  it('CircleCI, Azure Pipelines and a Jenkinsfile added: each delivery found; a Jenkinsfile that only builds is a note', async () => {
    assert.deepEqual(await scenario({ 'src/a.ts': '1\n' }, {
      '.circleci/config.yml': fixture('circleci.yml'), 'azure-pipelines.yml': fixture('azure-pipelines.yml'), Jenkinsfile: fixture('Jenkinsfile'),
      'tools/Jenkinsfile': "pipeline { agent any\n stages { stage('Build') { steps { sh 'make' } } } }\n",
    }), [
      'ci-delivery .circleci/config.yml image: Amazon ECR undocumented', 'ci-delivery .circleci/config.yml package: npm undocumented',
      'ci-delivery Jenkinsfile deployment: Kubernetes undocumented', 'ci-delivery Jenkinsfile image: registry.example.com undocumented',
      'ci-delivery azure-pipelines.yml deployment: the production environment undocumented',
      'ci-delivery azure-pipelines.yml image: the container registry of service connection acmeAcr undocumented',
      'ci-pipeline tools/Jenkinsfile undocumented',
    ]);
  });

  it('documented by a record in the change that names where it goes; ci-delivery can be turned off (the note comes back)', async () => {
    const repo = new TempRepo().commit('base', { 'docs/adr/0001-record-architecture-decisions.md': record(1, 'Record architecture decisions'), 'src/a.ts': '1\n' });
    try {
      repo.write({
        '.github/workflows/deploy.yml': fixture('github-deploy.yml'),
        'docs/adr/0002-deploy.md': record(2, 'Continuous deployment', 'Accepted', 'Every merge to main is released to the production environment by Helm.'),
      });
      let out = await review(repo);
      assert.deepEqual(summary(out), ['ci-delivery .github/workflows/deploy.yml deployment: the production environment documented']);
      assert.match(out.findings[0]!.message, /now deploys to the production environment with Helm/);
      repo.remove('docs/adr/0002-deploy.md');
      repo.write({ '.adr-review.yml': 'rules:\n  ci-delivery: off\n' });
      out = await review(repo);
      assert.deepEqual(summary(out), ['ci-pipeline .github/workflows/deploy.yml undocumented']);
    } finally {
      repo.dispose();
    }
  });

  it('a delivery that only moved to another pipeline of the change is not a delivery change (both files stay notes)', async () => {
    const publish = fixture('github-publish-dockerhub.yml');
    const split = publish.slice(0, publish.indexOf('jobs:'));
    assert.deepEqual(await scenario(
      { '.github/workflows/ci.yml': `${fixture('github-ci.yml')}${publish.slice(publish.indexOf('jobs:') + 'jobs:\n'.length)}` },
      { '.github/workflows/ci.yml': fixture('github-ci.yml'), '.github/workflows/release.yml': `${split}jobs:\n${publish.slice(publish.indexOf('jobs:') + 'jobs:\n'.length)}` },
    ), ['ci-pipeline .github/workflows/ci.yml undocumented', 'ci-pipeline .github/workflows/release.yml undocumented']);
    // Moved and retargeted: still a change of target.
    assert.deepEqual(await scenario(
      { '.github/workflows/ci.yml': publish },
      { '.github/workflows/ci.yml': fixture('github-ci.yml'), '.github/workflows/release.yml': fixture('github-publish-ghcr.yml') },
    ), ['ci-delivery .github/workflows/ci.yml image: Docker Hub undocumented', 'ci-delivery .github/workflows/release.yml image: GitHub Container Registry undocumented']);
  });

  it('a pipeline that cannot be read keeps the note; a malformed one is not a stack trace', async () => {
    assert.deepEqual(await scenario({ '.github/workflows/ci.yml': fixture('github-ci.yml') }, { '.github/workflows/ci.yml': `${fixture('github-publish-dockerhub.yml')}\n  bad: [\n` }),
      ['ci-pipeline .github/workflows/ci.yml undocumented']);
  });
});
