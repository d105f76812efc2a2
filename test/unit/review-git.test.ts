/** Review scenarios, git states: no commits, detached HEAD, merges, odd names, renames, binaries, nested repos, scopes. */
import { strict as assert } from 'node:assert';
import { NodeFileSystem } from '../../src/platform/nodeFileSystem';
import { NodeWorkTree } from '../../src/platform/workTree';
import { ReviewEngine } from '../../src/core/review';
import { TempRepo } from '../support/gitRepo';
import { CountingGit, review, summary } from '../support/reviewHarness';

const pkg = (deps: Record<string, string>) => `${JSON.stringify({ name: 'app', dependencies: deps }, null, 2)}\n`;

describe('review scenarios: git states', function () {
  this.timeout(30000);
  let repo: TempRepo;
  afterEach(() => repo?.dispose());

  it('works in a repository without commits: staged and untracked files against the empty tree', async () => {
    repo = new TempRepo();
    repo.write({ 'package.json': pkg({ express: '^4.0.0' }), Dockerfile: 'FROM node:20\n', 'README.md': '# x\n' });
    repo.git('add', 'package.json');
    const out = await review(repo);
    assert.deepEqual(summary(out), ['dependency-added package.json express undocumented', 'infra-container Dockerfile undocumented']);
    assert.equal(out.repositories[0]!.base.description, 'empty tree (no commits yet)');
    assert.equal(out.repositories[0]!.repository.head, undefined);
  });

  it('works on a detached HEAD', async () => {
    repo = new TempRepo().commit('one', { 'a.txt': '1\n' }).commit('two', { 'a.txt': '2\n' });
    repo.git('checkout', '-q', '--detach', 'HEAD~1');
    repo.write({ 'Dockerfile': 'FROM scratch\n' });
    const out = await review(repo);
    assert.equal(out.repositories[0]!.repository.branch, undefined);
    assert.deepEqual(summary(out), ['infra-container Dockerfile undocumented']);
  });

  it('works during a merge with a conflict: what the merge brings in is reviewed, the conflicted file too', async () => {
    repo = new TempRepo().commit('base', { 'src/a.ts': 'export const a = 1;\n', 'package.json': pkg({ express: '^4.0.0' }) });
    repo.git('checkout', '-q', '-b', 'feature');
    repo.commit('feature', { 'src/a.ts': 'export const a = 2;\n', Dockerfile: 'FROM node:20\n', 'package.json': pkg({ express: '^4.0.0', pg: '^8.0.0' }) });
    repo.git('checkout', '-q', 'main');
    repo.commit('main', { 'src/a.ts': 'export const a = 3;\n' });
    assert.notEqual(repo.gitStatus('merge', '-q', 'feature'), 0);
    const out = await review(repo);
    assert.equal(out.repositories[0]!.repository.operation, 'merge');
    assert.deepEqual(summary(out), ['dependency-added package.json pg undocumented', 'infra-container Dockerfile undocumented']);
  });

  it('works during a rebase that stopped on a conflict', async () => {
    repo = new TempRepo().commit('base', { 'a.txt': '0\n' });
    repo.git('checkout', '-q', '-b', 'topic');
    repo.commit('topic', { 'a.txt': 'topic\n', 'infra/main.tf': 'resource "x" "y" {}\n' });
    repo.git('checkout', '-q', 'main');
    repo.commit('main', { 'a.txt': 'main\n' });
    repo.git('checkout', '-q', 'topic');
    assert.notEqual(repo.gitStatus('rebase', '-q', 'main'), 0);
    const out = await review(repo);
    assert.equal(out.repositories[0]!.repository.operation, 'rebase');
    assert.deepEqual(summary(out), ['infra-iac infra/main.tf undocumented']);
  });

  it('reads file names with spaces, unicode, quotes and a leading "-"', async () => {
    repo = new TempRepo().commit('base', { 'deploy/k8s/old app.yaml': 'kind: Service\napiVersion: v1\n' });
    repo.write({
      'deploy/k8s/old app.yaml': 'kind: Service\napiVersion: v1\nmetadata: {}\n',
      'deploy/k8s/ünïcödé.yaml': 'kind: Service\napiVersion: v1\n',
      'deploy/k8s/-dash.yaml': 'kind: Service\napiVersion: v1\n',
      'deploy/k8s/say "hi"\ttab.yaml': 'kind: Service\napiVersion: v1\n',
    });
    repo.git('add', '--', 'deploy/k8s/-dash.yaml');
    const out = await review(repo);
    assert.deepEqual(summary(out), [
      'infra-orchestration deploy/k8s/-dash.yaml undocumented', 'infra-orchestration deploy/k8s/old app.yaml undocumented',
      'infra-orchestration deploy/k8s/say "hi"\ttab.yaml undocumented', 'infra-orchestration deploy/k8s/ünïcödé.yaml undocumented',
    ]);
    const spaced = out.findings.find((f) => f.path === 'deploy/k8s/old app.yaml')!;
    assert.equal(spaced.line, 3);
    assert.ok(spaced.excerpt!.lines.includes('+metadata: {}'));
  });

  it('follows renames: a moved Dockerfile is flagged with its old name; a moved source file is not', async () => {
    repo = new TempRepo().commit('base', { Dockerfile: 'FROM node:20\nRUN echo hi\n', 'docker/run.sh': 'x\n', 'src/util.ts': 'export const u = 1;\n'.repeat(5) });
    repo.git('mv', 'Dockerfile', 'docker/Dockerfile.api');
    repo.git('mv', 'src/util.ts', 'src/helpers.ts');
    const out = await review(repo);
    assert.deepEqual(summary(out), ['infra-container docker/Dockerfile.api undocumented']);
    assert.equal(out.findings[0]!.oldPath, 'Dockerfile');
    assert.equal(out.findings[0]!.status, 'renamed');
  });

  it('handles binary files: a changed image is not flagged, a binary Terraform plan input is, without lines', async () => {
    repo = new TempRepo().commit('base', { 'logo.png': new Uint8Array([137, 80, 78, 71, 0, 1, 2]), 'src/a.ts': '1\n' });
    repo.write({ 'logo.png': new Uint8Array([137, 80, 78, 71, 0, 9, 9]), 'infra/prod.tfvars': new Uint8Array([0, 1, 2, 3]) });
    const out = await review(repo);
    assert.deepEqual(summary(out), ['infra-iac infra/prod.tfvars undocumented']);
    assert.equal(out.findings[0]!.line, undefined);
  });

  it('flags a deleted Dockerfile, pointing at the old version', async () => {
    repo = new TempRepo().commit('base', { Dockerfile: 'FROM node:20\n', 'src/a.ts': '1\n' });
    repo.remove('Dockerfile');
    const out = await review(repo);
    assert.deepEqual(summary(out), ['infra-container Dockerfile undocumented']);
    assert.equal(out.findings[0]!.status, 'deleted');
    assert.equal(out.findings[0]!.oldSide, true);
  });

  it('outside a repository: a clear message, and no git run at all', async () => {
    repo = new TempRepo({ git: false });
    repo.write({ Dockerfile: 'FROM x\n' });
    const git = new CountingGit();
    const out = await new ReviewEngine(git, new NodeFileSystem(), new NodeWorkTree()).review({ folders: [repo.root], trusted: true });
    assert.equal(out.kind, 'reviewed');
    if (out.kind !== 'reviewed') return;
    assert.deepEqual(out.findings, []);
    assert.match(out.notRepositories[0]!.message, /not a git repository/);
    assert.equal(git.calls.length, 0);
  });

  it('reviews an untracked repository nested inside the workspace repository on its own', async () => {
    repo = new TempRepo().commit('base', { 'src/a.ts': '1\n' });
    const inner = new TempRepo({ at: `${repo.root}/tools/generator` }).commit('inner', { 'go.mod': 'module x\n' });
    inner.write({ Dockerfile: 'FROM golang\n' });
    const out = await review(repo);
    assert.deepEqual(summary(out), ['infra-container Dockerfile undocumented']);
    assert.equal(out.findings[0]!.repository, inner.root);
    assert.deepEqual(out.repositories.map((r) => r.nested), [false, true]);
  });

  it('skips submodules: changes inside one, and its new commits, are not the outer repository\'s', async () => {
    const lib = new TempRepo().commit('lib', { 'Dockerfile': 'FROM a\n', 'index.js': '1\n' });
    try {
      repo = new TempRepo().commit('base', { 'src/a.ts': '1\n' });
      repo.git('-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', lib.root, 'vendor/lib');
      repo.commit('add submodule');
      const sub = new TempRepo({ git: false, at: `${repo.root}/vendor/lib` });
      sub.git('config', 'user.email', 't@e.com');
      sub.git('config', 'user.name', 'T');
      sub.commit('bump', { Dockerfile: 'FROM b\n' }).write({ Dockerfile: 'FROM c\n' });
      const out = await review(repo);
      assert.deepEqual(summary(out), []);
      assert.equal(out.repositories.length, 1);
    } finally {
      lib.dispose();
    }
  });

  it('--staged reviews only what the next commit holds', async () => {
    repo = new TempRepo().commit('base', { 'package.json': pkg({}), 'src/a.ts': '1\n' });
    repo.write({ Dockerfile: 'FROM node\n', 'package.json': pkg({ kafkajs: '^2.0.0' }), 'infra/x.tf': 'resource "a" "b" {}\n' });
    repo.git('add', 'Dockerfile');
    assert.deepEqual(summary(await review(repo, { kind: 'staged' })), ['infra-container Dockerfile undocumented']);
    assert.deepEqual(summary(await review(repo)), [
      'dependency-added package.json kafkajs undocumented', 'infra-container Dockerfile undocumented', 'infra-iac infra/x.tf undocumented',
    ]);
  });

  it('--base REF reviews since the merge base, as a pull request would (the base branch\'s own later changes excluded)', async () => {
    repo = new TempRepo().commit('base', { 'package.json': pkg({}), 'src/a.ts': '1\n' });
    repo.git('checkout', '-q', '-b', 'feature');
    repo.commit('feature', { 'package.json': pkg({ graphql: '^16.0.0' }) });
    repo.git('checkout', '-q', 'main');
    repo.commit('main moves on', { Dockerfile: 'FROM node\n' });
    repo.git('checkout', '-q', 'feature');
    repo.write({ 'proto/a.proto': 'syntax = "proto3";\n' });
    const out = await review(repo, { kind: 'base', ref: 'main' });
    assert.deepEqual(summary(out), ['dependency-added package.json graphql undocumented', 'interface-contract proto/a.proto undocumented']);
    assert.equal(out.repositories[0]!.base.description, 'merge base of main and HEAD');
    await assert.rejects(review(repo, { kind: 'base', ref: 'no-such-branch' }), /unknown revision/);
  });
});
