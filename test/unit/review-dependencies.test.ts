/** Review scenarios, dependencies: each a real temporary git repository, one per ecosystem and look-alike. */
import { strict as assert } from 'node:assert';
import { scenario } from '../support/reviewHarness';

const pkg = (deps: Record<string, string>, dev: Record<string, string> = {}) => `${JSON.stringify({ name: 'app', version: '1.0.0', dependencies: deps, devDependencies: dev }, null, 2)}\n`;

describe('review scenarios: dependencies', function () {
  this.timeout(30000);

  it('npm: a new runtime dependency is undocumented', async () => {
    assert.deepEqual(await scenario({ 'package.json': pkg({ express: '^4.18.0' }) }, { 'package.json': pkg({ express: '^4.18.0', redis: '^4.6.0' }) }),
      ['dependency-added package.json redis undocumented']);
  });

  it('npm: a patch bump, a minor bump and a dev-dependency change are not architectural', async () => {
    assert.deepEqual(await scenario(
      { 'package.json': pkg({ express: '^4.18.0', lodash: '4.17.20' }, { mocha: '^10.0.0' }) },
      { 'package.json': pkg({ express: '^4.19.0', lodash: '4.17.21' }, { mocha: '^11.0.0', chai: '^5.0.0' }) },
    ), []);
  });

  it('npm: a major version change and a removal are flagged; a reformatted manifest is not', async () => {
    assert.deepEqual(await scenario(
      { 'package.json': pkg({ express: '^4.18.0', moment: '^2.29.0' }), 'web/package.json': pkg({ react: '^18.2.0' }) },
      { 'package.json': pkg({ express: '^5.0.0' }), 'web/package.json': JSON.stringify({ dependencies: { react: '^18.2.0' }, name: 'app', version: '1.0.0', devDependencies: {} }) },
    ), ['dependency-removed package.json moment undocumented', 'dependency-version package.json express undocumented']);
  });

  it('npm: a dev dependency promoted to runtime counts as added; 0.x minor steps are major', async () => {
    assert.deepEqual(await scenario(
      { 'package.json': pkg({ zod: '^0.4.0' }, { pino: '^8.0.0' }) },
      { 'package.json': pkg({ zod: '^0.5.0', pino: '^8.0.0' }) },
    ), ['dependency-added package.json pino undocumented', 'dependency-version package.json zod undocumented']);
  });

  it('pip: requirements.txt additions count; comments, pins and requirements-dev.txt do not', async () => {
    assert.deepEqual(await scenario(
      { 'requirements.txt': 'flask==2.3.0\nrequests>=2.31  # http\n', 'requirements-dev.txt': 'pytest==7.0\n' },
      { 'requirements.txt': '# web stack\nflask==2.3.3\nrequests>=2.31  # HTTP client\nSQLAlchemy[asyncio]>=2.0 ; python_version>"3.8"\n', 'requirements-dev.txt': 'pytest==8.0\nblack\n' },
    ), ['dependency-added requirements.txt sqlalchemy undocumented']);
  });

  it('pyproject.toml: PEP 621 and Poetry dependencies; a comment-only change is not flagged', async () => {
    const before = '[project]\nname = "x"\ndependencies = ["httpx>=0.27", "pydantic>=1.10"]\n\n[project.optional-dependencies]\ntest = ["pytest"]\n';
    assert.deepEqual(await scenario({ 'pyproject.toml': before }, { 'pyproject.toml': `# The service\n${before}# end\n` }), []);
    assert.deepEqual(await scenario({ 'pyproject.toml': before },
      { 'pyproject.toml': before.replace('"pydantic>=1.10"', '"pydantic>=2.5", "celery>=5"').replace('"pytest"', '"pytest", "hypothesis"') }),
    ['dependency-added pyproject.toml celery undocumented', 'dependency-version pyproject.toml pydantic undocumented']);
    const poetry = '[tool.poetry.dependencies]\npython = "^3.11"\ndjango = "^4.2"\n\n[tool.poetry.group.dev.dependencies]\nruff = "^0.1"\n';
    assert.deepEqual(await scenario({ 'pyproject.toml': poetry }, { 'pyproject.toml': poetry.replace('^4.2', '^5.0').replace('python = "^3.11"', 'python = "^3.12"').replace('^0.1', '^0.4') }),
      ['dependency-version pyproject.toml django undocumented']);
  });

  it('go.mod: a direct requirement counts, an indirect one does not, and /v2 is a major change', async () => {
    const before = 'module example.com/app\n\ngo 1.22\n\nrequire (\n\tgithub.com/redis/go-redis/v8 v8.11.5\n\tgolang.org/x/text v0.14.0 // indirect\n)\n';
    const after = 'module example.com/app\n\ngo 1.22\n\nrequire (\n\tgithub.com/redis/go-redis/v9 v9.5.1\n\tgithub.com/jackc/pgx/v5 v5.5.0\n\tgolang.org/x/text v0.15.0 // indirect\n\tgolang.org/x/sys v0.20.0 // indirect\n)\n';
    assert.deepEqual(await scenario({ 'go.mod': before }, { 'go.mod': after }), [
      'dependency-added go.mod github.com/jackc/pgx undocumented', 'dependency-version go.mod github.com/redis/go-redis undocumented',
    ]);
  });

  it('Cargo.toml: dependencies count; dev-dependencies and comments do not', async () => {
    const before = '[package]\nname = "x"\n\n[dependencies]\nserde = "1.0"\ntokio = { version = "1.35", features = ["full"] }\n\n[dev-dependencies]\ncriterion = "0.5"\n';
    const after = '[package]\nname = "x"\n\n# runtime\n[dependencies]\nserde = "1.0.197"\ntokio = { version = "1.36", features = ["full"] }\naxum = "0.7"\n\n[dev-dependencies]\ncriterion = "0.5"\nproptest = "1"\n';
    assert.deepEqual(await scenario({ 'Cargo.toml': before }, { 'Cargo.toml': after }), ['dependency-added Cargo.toml axum undocumented']);
  });

  it('Maven pom.xml: compile-scope dependencies count; test scope and commented-out ones do not', async () => {
    const dep = (g: string, a: string, v: string, scope = '') => `    <dependency><groupId>${g}</groupId><artifactId>${a}</artifactId><version>${v}</version>${scope ? `<scope>${scope}</scope>` : ''}</dependency>\n`;
    const pom = (deps: string) => `<project>\n  <modelVersion>4.0.0</modelVersion>\n  <properties><spring.version>6.1.0</spring.version></properties>\n  <dependencies>\n${deps}  </dependencies>\n</project>\n`;
    const before = pom(dep('org.springframework', 'spring-core', '${spring.version}') + dep('junit', 'junit', '4.13', 'test'));
    const after = pom(dep('org.springframework', 'spring-core', '${spring.version}') + dep('junit', 'junit', '4.13', 'test') +
      dep('org.mockito', 'mockito-core', '5.0', 'test') + '    <!-- ' + dep('com.h2database', 'h2', '2.2') + ' -->\n' + dep('org.postgresql', 'postgresql', '42.7.0'));
    assert.deepEqual(await scenario({ 'pom.xml': before }, { 'pom.xml': after }), ['dependency-added pom.xml org.postgresql:postgresql undocumented']);
  });

  it('Gradle: implementation counts, testImplementation does not (Groovy and Kotlin DSL)', async () => {
    const groovy = "dependencies {\n    implementation 'com.google.guava:guava:32.0.0-jre'\n}\n";
    const kts = 'dependencies {\n    implementation("io.ktor:ktor-server-core:2.3.0")\n}\n';
    assert.deepEqual(await scenario({ 'app/build.gradle': groovy, 'lib/build.gradle.kts': kts }, {
      'app/build.gradle': "dependencies {\n    implementation 'com.google.guava:guava:33.0.0-jre'\n    implementation 'com.squareup.okhttp3:okhttp:4.12.0'\n    testImplementation 'org.junit.jupiter:junit-jupiter:5.10.0'\n    // implementation 'x:y:1'\n}\n",
      'lib/build.gradle.kts': 'dependencies {\n    implementation("io.ktor:ktor-server-core:3.0.0")\n}\n',
    }), [
      'dependency-added app/build.gradle com.squareup.okhttp3:okhttp undocumented',
      'dependency-version app/build.gradle com.google.guava:guava undocumented',
      'dependency-version lib/build.gradle.kts io.ktor:ktor-server-core undocumented',
    ]);
  });

  it('Bundler Gemfile: gems count, gems in the test group do not', async () => {
    const before = "source 'https://rubygems.org'\ngem 'rails', '~> 7.0'\n\ngroup :development, :test do\n  gem 'rspec-rails'\nend\n";
    const after = "source 'https://rubygems.org'\ngem 'rails', '~> 7.1'\ngem 'sidekiq', '~> 7.2' # jobs\n\ngroup :development, :test do\n  gem 'rspec-rails'\n  gem 'factory_bot'\nend\n";
    assert.deepEqual(await scenario({ Gemfile: before }, { Gemfile: after }), ['dependency-added Gemfile sidekiq undocumented']);
  });

  it('Composer: require counts, require-dev and the PHP version do not', async () => {
    const c = (req: Record<string, string>, dev: Record<string, string>) => JSON.stringify({ require: req, 'require-dev': dev }, null, 4);
    assert.deepEqual(await scenario({ 'composer.json': c({ php: '^8.1', 'monolog/monolog': '^2.0' }, {}) },
      { 'composer.json': c({ php: '^8.2', 'ext-json': '*', 'monolog/monolog': '^3.0', 'guzzlehttp/guzzle': '^7.8' }, { 'phpunit/phpunit': '^10' }) }),
    ['dependency-added composer.json guzzlehttp/guzzle undocumented', 'dependency-version composer.json monolog/monolog undocumented']);
  });

  it('NuGet *.csproj: PackageReference additions and major steps; analyzers (PrivateAssets) do not', async () => {
    const proj = (refs: string) => `<Project Sdk="Microsoft.NET.Sdk">\n  <ItemGroup>\n${refs}  </ItemGroup>\n</Project>\n`;
    const before = proj('    <PackageReference Include="Newtonsoft.Json" Version="12.0.3" />\n');
    const after = proj('    <PackageReference Include="Newtonsoft.Json" Version="13.0.3" />\n    <PackageReference Include="Dapper">\n      <Version>2.1.0</Version>\n    </PackageReference>\n    <PackageReference Include="StyleCop.Analyzers" Version="1.1" PrivateAssets="all" />\n');
    assert.deepEqual(await scenario({ 'src/Api/Api.csproj': before }, { 'src/Api/Api.csproj': after }), [
      'dependency-added src/Api/Api.csproj Dapper undocumented', 'dependency-version src/Api/Api.csproj Newtonsoft.Json undocumented',
    ]);
  });

  it('configuration: minor steps and dev dependencies count when .adr-review.yml says so', async () => {
    const cfg = 'dependencies:\n  versions: minor\n  dev: true\n';
    assert.deepEqual(await scenario({ '.adr-review.yml': cfg, 'package.json': pkg({ express: '^4.18.0' }, {}) }, { 'package.json': pkg({ express: '^4.19.0' }, { vitest: '^1.0.0' }) }), [
      'dependency-added package.json vitest undocumented', 'dependency-version package.json express undocumented',
    ]);
  });
});
