/**
 * Modules added or removed at any depth (a folder with its own build manifest, module lists of
 * multi-module builds) and nested projects read like top-level ones; scenarios on real temporary git
 * repositories (fixtures in test/fixtures/review-modules), with look-alikes that must stay quiet.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { moduleList } from '../../src/core/review/rules/modules';
import { parseNpm, parsePom } from '../../src/core/review/rules/manifests';
import { TempRepo } from '../support/gitRepo';
import { review, scenario, summary } from '../support/reviewHarness';

const FIXTURES = join(process.cwd(), 'test/fixtures/review-modules');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const child = (name: string) => fixture('pom-child.xml').replace('NAME', name);
const pkg = (o: Record<string, unknown>) => `${JSON.stringify(o, null, 2)}\n`;

describe('module lists and nested manifests, read', () => {
  it('reads every kind of module list, resolved from the list file\'s folder; comments do not count', () => {
    const folders = (path: string, text: string) => moduleList(path, text)?.map((e) => e.folder);
    assert.deepEqual(folders('pom.xml', fixture('pom-parent.xml')), ['catalog']);
    assert.deepEqual(folders('build/settings.gradle.kts', fixture('settings.gradle.kts')), ['build/app', 'build/lib/core']);
    assert.deepEqual(folders('settings.gradle', "include 'a', ':b:c'\ninclude(\"d\")\n"), ['a', 'b/c', 'd']);
    assert.deepEqual(folders('package.json', pkg({ workspaces: ['packages/*', 'apps/web'] })), ['packages/*', 'apps/web']);
    assert.deepEqual(folders('package.json', pkg({ workspaces: { packages: ['libs/*'] } })), ['libs/*']);
    assert.deepEqual(folders('Cargo.toml', '[workspace]\nmembers = ["crates/*", "./cli"]\n'), ['crates/*', 'cli']);
    assert.deepEqual(folders('go.work', 'go 1.22\n\nuse (\n\t./api\n\t./tools/gen // generator\n)\nuse ./web\n'), ['api', 'tools/gen', 'web']);
    assert.deepEqual(folders('pnpm-workspace.yaml', "packages:\n  - 'packages/*'\n  - '!**/test/**'\n"), ['packages/*']);
    assert.equal(moduleList('package.json', '{ not json'), undefined);
    assert.equal(moduleList('pom.xml', `<project>${'<modules>'.repeat(50_000)}`)?.length, 0);
  });

  it('nested manifests: siblings (workspace:, file:, ${project.version}) are internal, plugin dependencies are the build\'s', () => {
    const npm = parseNpm(pkg({ dependencies: { '@acme/core': 'workspace:*', '@acme/ui': 'file:../ui', react: '^18.0.0' } }))!;
    assert.deepEqual([...npm.values()].map((d) => `${d.name}${d.internal ? ' internal' : ''}`), ['@acme/core internal', '@acme/ui internal', 'react']);
    const pom = parsePom(child('orders'))!;
    assert.deepEqual([...pom.values()].map((d) => `${d.name}${d.dev ? ' dev' : ''}${d.internal ? ' internal' : ''}`), [
      'com.acme:catalog internal', 'org.junit.jupiter:junit-jupiter dev', 'com.puppycrawl.tools:checkstyle dev',
    ]);
  });
});

describe('review scenarios: modules at any depth', function () {
  this.timeout(30000);

  it('a folder deep inside the tree that gets its own build manifest is a new module (Maven, Go, Cargo, .csproj, pyproject)', async () => {
    assert.deepEqual(await scenario({ 'backend/README.md': '# Backend\n', 'backend/core/src/A.java': 'class A {}\n' }, {
      'backend/services/billing/pom.xml': child('billing'), 'backend/services/billing/src/main/java/Billing.java': 'class Billing {}\n',
      'backend/internal/auth/go.mod': 'module example.com/auth\n\ngo 1.22\n', 'backend/internal/auth/auth.go': 'package auth\n',
      'backend/engine/parser/Cargo.toml': '[package]\nname = "parser"\nversion = "0.1.0"\n', 'backend/engine/parser/src/lib.rs': 'pub fn f() {}\n',
      'backend/dotnet/Billing.Api/Billing.Api.csproj': '<Project Sdk="Microsoft.NET.Sdk.Web"></Project>\n', 'backend/dotnet/Billing.Api/Program.cs': 'class P {}\n',
      'backend/py/worker/pyproject.toml': '[project]\nname = "worker"\nversion = "0.1.0"\n', 'backend/py/worker/worker/__init__.py': '\n',
    }), [
      'module-added backend/dotnet/Billing.Api undocumented', 'module-added backend/engine/parser undocumented', 'module-added backend/internal/auth undocumented',
      'module-added backend/py/worker undocumented', 'module-added backend/services/billing undocumented',
    ]);
  });

  it('a nested module deleted is removed; one that loses its manifest but keeps its files is no longer a module', async () => {
    const base = {
      'backend/services/billing/pom.xml': child('billing'), 'backend/services/billing/src/main/java/Billing.java': 'class Billing {}\n',
      'backend/internal/auth/go.mod': 'module example.com/auth\n', 'backend/internal/auth/auth.go': 'package auth\n', 'backend/go.mod': 'module example.com/backend\n',
    };
    const repo = new TempRepo().commit('base', base);
    try {
      repo.remove('backend/services/billing/pom.xml').remove('backend/services/billing/src/main/java/Billing.java').remove('backend/internal/auth/go.mod');
      const out = await review(repo);
      assert.deepEqual(summary(out), ['module-removed backend/internal/auth undocumented', 'module-removed backend/services/billing undocumented']);
      assert.match(out.findings.find((f) => f.anchor === 'backend/internal/auth')!.message, /no longer a module of its own \(go\.mod removed\)/);
      assert.match(out.findings.find((f) => f.anchor === 'backend/services/billing')!.message, /Module backend\/services\/billing\/ removed/);
    } finally {
      repo.dispose();
    }
  });

  it('module lists: Maven <modules>, Gradle include, workspaces, Cargo members and go.work use, entry by entry; a new module listed is one finding', async () => {
    const out = await scenario({
      'pom.xml': fixture('pom-parent.xml'), 'catalog/pom.xml': child('catalog'), 'catalog/src/C.java': 'class C {}\n',
      'android/settings.gradle.kts': fixture('settings.gradle.kts'), 'android/app/build.gradle.kts': 'plugins { }\n', 'android/lib/core/build.gradle.kts': 'plugins { }\n',
      'web/package.json': pkg({ name: 'web', private: true, workspaces: ['packages/*'] }),
      'rust/Cargo.toml': '[workspace]\nmembers = ["cli"]\n', 'rust/cli/Cargo.toml': '[package]\nname = "cli"\n',
      'go/go.work': 'go 1.22\nuse ./api\n', 'go/api/go.mod': 'module example.com/api\n',
    }, {
      'pom.xml': fixture('pom-parent.xml').replace('<module>catalog</module>', '<module>catalog</module>\n    <module>orders</module>'),
      'orders/pom.xml': child('orders'), 'orders/src/O.java': 'class O {}\n',
      'android/settings.gradle.kts': fixture('settings.gradle.kts').replace('":lib:core")', '":lib:core", ":feature:search")'),
      'web/package.json': pkg({ name: 'web', private: true, workspaces: ['packages/*', 'tools/*'] }),
      'rust/Cargo.toml': '[workspace]\nmembers = []\n',
      'go/go.work': 'go 1.22\nuse (\n\t./api\n\t./worker\n)\n',
    });
    assert.deepEqual(out, [
      'module-added android/feature/search undocumented', 'module-added go/worker undocumented', 'module-added orders undocumented',
      'module-added web/tools/* undocumented', 'module-removed rust/cli undocumented',
    ]);
  });

  it('the finding says where it is listed, on the line of the entry', async () => {
    const repo = new TempRepo().commit('base', { 'pom.xml': fixture('pom-parent.xml'), 'catalog/pom.xml': child('catalog') });
    try {
      const after = fixture('pom-parent.xml').replace('<module>catalog</module>', '<module>catalog</module>\n    <module>catalog/extras</module>');
      repo.write({ 'pom.xml': after });
      const out = await review(repo);
      assert.deepEqual(summary(out), ['module-added catalog/extras undocumented']);
      const f = out.findings[0]!;
      assert.equal(f.path, 'pom.xml');
      assert.equal(f.line, after.split('\n').findIndex((l) => l.includes('catalog/extras')) + 1);
      assert.match(f.message, /Module catalog\/extras added to the build \(pom\.xml <modules>\)/);
      repo.write({ 'catalog/extras/pom.xml': child('extras'), 'catalog/extras/src/E.java': 'class E {}\n' });
      const both = await review(repo);
      assert.deepEqual(summary(both), ['module-added catalog/extras undocumented']);
      assert.match(both.findings[0]!.reason ?? '', /listed in pom\.xml <modules>/);
    } finally {
      repo.dispose();
    }
  });

  it('package.json makes a module only inside a workspace (root package.json or pnpm-workspace.yaml)', async () => {
    const plain = pkg({ name: 'x', private: true });
    assert.deepEqual(await scenario({ 'server/index.ts': '1\n' }, { 'server/assets/widget/package.json': plain, 'server/assets/widget/index.js': '1\n' }), []);
    assert.deepEqual(await scenario({ 'package.json': pkg({ name: 'root', private: true, workspaces: ['apps/*/*'] }), 'apps/web/README.md': '# web\n' },
      { 'apps/web/admin/package.json': plain, 'apps/web/admin/index.ts': '1\n' }), ['module-added apps/web/admin undocumented']);
    assert.deepEqual(await scenario({ 'pnpm-workspace.yaml': "packages:\n  - 'tooling/**'\n", 'tooling/README.md': '# tools\n' },
      { 'tooling/lint/config/package.json': plain, 'tooling/lint/config/index.js': '1\n' }), ['module-added tooling/lint/config undocumented']);
  });

  it('look-alikes: a test-only module, a module of tests only, a build tool swapped in place, a README naming a library, a nested module inside a new one', async () => {
    assert.deepEqual(await scenario({ 'pom.xml': fixture('pom-parent.xml'), 'catalog/pom.xml': child('catalog'), 'catalog/src/C.java': 'class C {}\n' }, {
      'catalog/integration-tests/pom.xml': child('it'), 'catalog/integration-tests/src/ITest.java': 'class ITest {}\n',
      'catalog/benchmarks/pom.xml': child('bench'), 'catalog/benchmarks/src/B.java': 'class B {}\n',
      'catalog/verification/pom.xml': child('verification'), 'catalog/verification/src/test/java/VerifyIT.java': 'class VerifyIT {}\n',
      'catalog/pom.xml': null, 'catalog/build.gradle.kts': 'plugins { java }\n',
      'catalog/README.md': '# Catalog\n\nUses Apache Kafka, Jackson and Spring Boot.\n',
    }), []);
    assert.deepEqual(await scenario({ 'src/a.ts': '1\n' }, {
      'billing/pom.xml': child('billing'), 'billing/api/pom.xml': child('api'), 'billing/api/src/A.java': 'class A {}\n',
    }), ['module-added billing undocumented']);
  });
});

describe('review scenarios: nested projects read like top-level ones', function () {
  this.timeout(30000);

  it('each workspace\'s own dependencies, scopes and dev groups; sibling modules are not third-party dependencies', async () => {
    assert.deepEqual(await scenario({
      'package.json': pkg({ name: 'root', private: true, workspaces: ['packages/*'], dependencies: { react: '^18.0.0' } }),
      'packages/web/package.json': pkg({ name: '@acme/web', dependencies: {} }),
      'services/api/pyproject.toml': '[project]\nname = "api"\ndependencies = []\n',
      'services/api/pom.xml': child('api'),
    }, {
      'packages/web/package.json': pkg({ name: '@acme/web', dependencies: { react: '^18.0.0', '@acme/core': 'workspace:^', zod: '^3.22.0' }, devDependencies: { vitest: '^1.0.0' } }),
      'services/api/pyproject.toml': '[project]\nname = "api"\ndependencies = ["fastapi>=0.110", "core"]\n\n[dependency-groups]\ndev = ["pytest>=8"]\n\n[tool.uv.sources]\ncore = { workspace = true }\n',
      'services/api/pom.xml': child('api').replace('</dependencies>', '  <dependency>\n      <groupId>com.acme</groupId>\n      <artifactId>orders</artifactId>\n      <version>${project.version}</version>\n    </dependency>\n    <dependency>\n      <groupId>org.postgresql</groupId>\n      <artifactId>postgresql</artifactId>\n      <version>42.7.0</version>\n    </dependency>\n  </dependencies>'),
    }), [
      'dependency-added packages/web/package.json react undocumented', 'dependency-added packages/web/package.json zod undocumented',
      'dependency-added services/api/pom.xml org.postgresql:postgresql undocumented', 'dependency-added services/api/pyproject.toml fastapi undocumented',
    ]);
  });

  it('look-alikes: a test-only module\'s dependencies, plugin dependencies, path dependencies, local go replaces, requirements/dev.txt', async () => {
    assert.deepEqual(await scenario({
      'integration-tests/package.json': pkg({ name: 'it', dependencies: {} }),
      'engine/cli/Cargo.toml': '[package]\nname = "cli"\n\n[dependencies]\n',
      'svc/go.mod': 'module example.com/svc\n\ngo 1.22\n',
      'api/requirements/base.txt': 'django==5.0\n', 'api/requirements/dev.txt': 'pytest==8.0\n',
      'shop/pom.xml': child('shop'),
    }, {
      'integration-tests/package.json': pkg({ name: 'it', dependencies: { playwright: '^1.40.0' } }),
      'engine/cli/Cargo.toml': '[package]\nname = "cli"\n\n[dependencies]\nparser = { path = "../parser" }\nclap = "4"\n',
      'svc/go.mod': 'module example.com/svc\n\ngo 1.22\n\nrequire example.com/shared v0.0.0\n\nreplace example.com/shared => ../shared\n',
      'api/requirements/base.txt': 'django==5.0\ncelery==5.3\n', 'api/requirements/dev.txt': 'pytest==8.0\nruff==0.3\n',
      'shop/pom.xml': child('shop').replace('<version>10.12.0</version>', '<version>10.14.0</version>').replace('maven-checkstyle-plugin</artifactId>', 'maven-checkstyle-plugin</artifactId>\n        <dependencies><dependency><groupId>org.x</groupId><artifactId>extra-rules</artifactId><version>1</version></dependency></dependencies>'),
    }), ['dependency-added api/requirements/base.txt celery undocumented', 'dependency-added engine/cli/Cargo.toml clap undocumented']);
  });
});
