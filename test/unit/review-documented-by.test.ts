/**
 * Review scenarios, documented by a record that names a dependency the way people write it: the
 * artifact, the group, the project ("Apache Commons IO", "Lucene query parser", "Jackson"), in an
 * added or a modified record, with the record's line as evidence; and the look-alikes that must stay
 * undocumented (a word in passing, a README, a name only similar).
 */
import { strict as assert } from 'node:assert';
import { dependencyForms, names, tokens } from '../../src/core/review/names';
import { addedLineNumbers } from '../../src/core/review/verdict';
import { record, TempRepo } from '../support/gitRepo';
import { review, summary } from '../support/reviewHarness';

const dep = (g: string, a: string, v = '1.0.0', scope = '') =>
  `    <dependency><groupId>${g}</groupId><artifactId>${a}</artifactId><version>${v}</version>${scope ? `<scope>${scope}</scope>` : ''}</dependency>\n`;
const pom = (deps: string) => `<project>\n  <modelVersion>4.0.0</modelVersion>\n  <dependencies>\n${deps}  </dependencies>\n</project>\n`;
const pkg = (deps: Record<string, string>) => `${JSON.stringify({ name: 'app', dependencies: deps }, null, 2)}\n`;
const ADR1 = { 'docs/adr/0001-record-architecture-decisions.md': record(1, 'Record architecture decisions') };

describe('review: documented by a record that names the dependency as people write it', function () {
  this.timeout(30000);
  let repo: TempRepo;
  afterEach(() => repo?.dispose());

  async function verdicts(before: Record<string, string>, after: Record<string, string | null>) {
    repo = new TempRepo().commit('base', { ...ADR1, ...before });
    for (const [p, c] of Object.entries(after)) {
      if (c === null) repo.remove(p);
      else repo.write({ [p]: c });
    }
    const out = await review(repo);
    return { out, summary: summary(out), evidence: (subject: string) => out.findings.find((f) => f.subject === subject)!.evidence };
  }

  it('commons-io:commons-io is documented by "Apache Commons IO", and by a package name org.apache.commons.io.monitor', async () => {
    const r = await verdicts({ 'pom.xml': pom('') }, {
      'pom.xml': pom(dep('commons-io', 'commons-io', '2.15.1')),
      'docs/adr/0002-watch-files.md': record(2, 'Watch the upload folder', 'Accepted', 'We need to notice new uploads.\n\nWe use Apache Commons IO for file watching.'),
    });
    assert.deepEqual(r.summary, ['dependency-added pom.xml commons-io:commons-io documented']);
    const e = r.evidence('commons-io:commons-io')[0]!;
    assert.deepEqual([e.kind, e.record!.number, e.text, e.line], ['mentions', 2, 'We use Apache Commons IO for file watching.', 13]);
    assert.match(e.reason!, /names the artifact/);

    repo.dispose();
    const r2 = await verdicts({ 'pom.xml': pom('') }, {
      'pom.xml': pom(dep('commons-io', 'commons-io', '2.15.1')),
      'docs/adr/0002-watch-files.md': record(2, 'Watch the upload folder', 'Accepted', 'The watcher builds on `org.apache.commons.io.monitor.FileAlterationObserver`.'),
    });
    assert.deepEqual(r2.summary, ['dependency-added pom.xml commons-io:commons-io documented']);
    assert.match(r2.evidence('commons-io:commons-io')[0]!.text!, /org\.apache\.commons\.io\.monitor/);
  });

  it('org.apache.lucene:lucene-queryparser is documented by "Lucene query parser"', async () => {
    const r = await verdicts({ 'pom.xml': pom(dep('org.apache.lucene', 'lucene-core', '9.9.0')) }, {
      'pom.xml': pom(dep('org.apache.lucene', 'lucene-core', '9.9.0') + dep('org.apache.lucene', 'lucene-queryparser', '9.9.0')),
      'docs/adr/0002-search-syntax.md': record(2, 'Search syntax for users', 'Accepted', 'Users type queries; we parse them with the Lucene query parser.'),
    });
    assert.deepEqual(r.summary, ['dependency-added pom.xml org.apache.lucene:lucene-queryparser documented']);
    assert.match(r.evidence('org.apache.lucene:lucene-queryparser')[0]!.text!, /Lucene query parser/);
  });

  it('a second module of the same family is documented by a record about the project (Jackson)', async () => {
    const r = await verdicts({ 'pom.xml': pom(dep('com.fasterxml.jackson.dataformat', 'jackson-dataformat-yaml', '2.16.0')) }, {
      'pom.xml': pom(dep('com.fasterxml.jackson.dataformat', 'jackson-dataformat-yaml', '2.16.0') + dep('com.fasterxml.jackson.datatype', 'jackson-datatype-jsr310', '2.16.0')),
      'docs/adr/0002-serialisation.md': record(2, 'Serialise with Jackson', 'Accepted', 'Configuration files and API payloads are read and written by one library.'),
    });
    assert.deepEqual(r.summary, ['dependency-added pom.xml com.fasterxml.jackson.datatype:jackson-datatype-jsr310 documented']);
    const e = r.evidence('com.fasterxml.jackson.datatype:jackson-datatype-jsr310')[0]!;
    assert.deepEqual([e.line, e.text], [1, '# 2. Serialise with Jackson']);
    assert.match(e.reason!, /names the project \(Jackson\)/);
  });

  it('a modified record documents by the lines the change added: a removal it now argues against', async () => {
    const before = record(3, 'Dates and times', 'Accepted', 'We format dates with Moment.js.');
    const r = await verdicts({ 'package.json': pkg({ moment: '^2.29.0', express: '^4.0.0' }), 'docs/adr/0003-dates.md': before }, {
      'package.json': pkg({ 'date-fns': '^3.0.0', express: '^5.0.0' }),
      'docs/adr/0003-dates.md': `${before}\n## Amendment 2026-02\n\nMoment.js is in maintenance mode: we no longer use it and format dates with date-fns.\n`,
    });
    // The record names Express nowhere in what changed, so the major upgrade stays undocumented.
    assert.deepEqual(r.summary, [
      'dependency-added package.json date-fns documented', 'dependency-removed package.json moment documented', 'dependency-version package.json express undocumented',
    ]);
    const e = r.evidence('moment')[0]!;
    assert.equal(e.record!.number, 3);
    assert.match(e.text!, /^Moment\.js is in maintenance mode/);
    assert.equal(e.line, 19);
  });

  it('a modified record does not document by what it said before the change (a typo fix)', async () => {
    const before = record(3, 'Dates and times', 'Accepted', 'We format dates with Moment.js, teh only library.');
    const r = await verdicts({ 'package.json': pkg({ moment: '^2.29.0' }), 'docs/adr/0003-dates.md': before }, {
      'package.json': pkg({}), 'docs/adr/0003-dates.md': before.replace(/teh/g, 'the'),
    });
    // The corrected lines name Moment.js: they are added lines, so this one is documented.
    assert.deepEqual(r.summary, ['dependency-removed package.json moment documented']);
    repo.dispose();
    const r2 = await verdicts({ 'package.json': pkg({ moment: '^2.29.0' }), 'docs/adr/0003-dates.md': before }, {
      'package.json': pkg({}), 'docs/adr/0003-dates.md': before.replace('Date: 2026-01-01', 'Date: 2026-01-02'),
    });
    assert.deepEqual(r2.summary, ['dependency-removed package.json moment undocumented']);
  });

  it('retiring the record that chose a library documents its removal', async () => {
    const before = record(4, 'Use Moment.js for dates', 'Accepted');
    const r = await verdicts({ 'package.json': pkg({ moment: '^2.29.0' }), 'docs/adr/0004-moment.md': before }, {
      'package.json': pkg({}), 'docs/adr/0004-moment.md': before.replace('\nAccepted\n', '\nDeprecated\n'),
    });
    assert.deepEqual(r.summary, ['dependency-removed package.json moment documented']);
    assert.match(r.evidence('moment')[0]!.reason!, /retires it/);
  });

  it('look-alikes stay undocumented: "io", "core", "test" and "JSON" in passing, a README, a name only similar', async () => {
    const r = await verdicts({ 'pom.xml': pom(''), 'package.json': pkg({}) }, {
      'pom.xml': pom(dep('commons-io', 'commons-io') + dep('com.fasterxml.jackson.core', 'jackson-core') + dep('org.json', 'json') +
        dep('org.apache.commons', 'commons-lang3', '3.14.0') + dep('org.testcontainers', 'testcontainers')),
      'package.json': pkg({ ioredis: '^5.0.0', 'core-js': '^3.0.0', preact: '^10.0.0' }),
      'docs/adr/0002-io.md': record(2, 'Blocking I/O in the core', 'Accepted',
        'All io happens in the core module, and every test covers it.\nMessages are JSON; the cache is Redis; the views use React.'),
      'README.md': '# App\n\nBuilt with ioredis, core-js and Preact; see Apache Commons IO and Jackson.\n',
    });
    assert.deepEqual(r.summary, [
      'dependency-added package.json core-js undocumented', 'dependency-added package.json ioredis undocumented', 'dependency-added package.json preact undocumented',
      'dependency-added pom.xml com.fasterxml.jackson.core:jackson-core undocumented', 'dependency-added pom.xml commons-io:commons-io undocumented',
      'dependency-added pom.xml org.apache.commons:commons-lang3 undocumented', 'dependency-added pom.xml org.json:json undocumented',
      'dependency-added pom.xml org.testcontainers:testcontainers undocumented',
    ]);
  });

  it('a record about one module does not document its siblings without the project name (Commons IO is not Commons Lang)', async () => {
    const r = await verdicts({ 'pom.xml': pom('') }, {
      'pom.xml': pom(dep('commons-io', 'commons-io') + dep('org.apache.commons', 'commons-lang3', '3.14.0') + dep('commons-codec', 'commons-codec')),
      'docs/adr/0002-io.md': record(2, 'Use Apache Commons IO', 'Accepted', 'We copy streams with it.'),
    });
    assert.deepEqual(r.summary, [
      'dependency-added pom.xml commons-codec:commons-codec undocumented', 'dependency-added pom.xml commons-io:commons-io documented',
      'dependency-added pom.xml org.apache.commons:commons-lang3 undocumented',
    ]);
  });
});

describe('names: the forms of a dependency name', () => {
  const spelled = (name: string, text: string) => names(text, dependencyForms(name))?.kind;

  it('tokens: lower case, letters and digits, separators dropped', () => {
    assert.deepEqual(tokens('Apache Commons-IO (org.apache.commons.io), JSR-310'), ['apache', 'commons', 'io', 'org', 'apache', 'commons', 'io', 'jsr', '310']);
  });

  it('matches the artifact, the group and the project across separators and joined words', () => {
    assert.equal(spelled('commons-io:commons-io', 'Apache Commons IO'), 'artifact');
    assert.equal(spelled('commons-io:commons-io', 'commons_io'), 'artifact');
    assert.equal(spelled('org.apache.lucene:lucene-queryparser', 'the Lucene QueryParser'), 'artifact');
    assert.equal(spelled('org.apache.lucene:lucene-queryparser', 'org.apache.lucene'), 'group');
    assert.equal(spelled('org.apache.lucene:lucene-queryparser', 'Lucene'), 'project');
    assert.equal(spelled('com.fasterxml.jackson.datatype:jackson-datatype-jsr310', 'Jackson JSR-310 support'), 'project');
    assert.equal(spelled('com.fasterxml.jackson.datatype:jackson-datatype-jsr310', 'jackson datatype JSR 310'), 'artifact');
    assert.equal(spelled('org.apache.commons:commons-lang3', 'Commons Lang'), 'artifact');
    assert.equal(spelled('@nestjs/core', 'NestJS'), 'project');
    assert.equal(spelled('@aws-sdk/client-s3', 'the AWS SDK'), 'group');
    assert.equal(spelled('github.com/redis/go-redis', 'Go Redis'), 'artifact');
    assert.equal(spelled('org.springframework.boot:spring-boot-starter-web', 'Spring Boot'), 'project');
  });

  it('never matches a common word alone, a part of a longer word, or a name only similar', () => {
    assert.equal(spelled('commons-io:commons-io', 'io and commons'), undefined);
    assert.equal(spelled('com.fasterxml.jackson.core:jackson-core', 'the core'), undefined);
    assert.equal(spelled('org.json:json', 'JSON messages'), undefined);
    assert.equal(spelled('@types/node', 'the types of node'), undefined);
    assert.equal(spelled('ioredis', 'Redis'), undefined);
    assert.equal(spelled('preact', 'React'), undefined);
    assert.equal(spelled('redis', 'Redistribution'), undefined);
    assert.equal(spelled('io.projectreactor:reactor-core', 'React'), undefined);
  });

  it('addedLineNumbers: lines of the new text that the old one did not have', () => {
    assert.deepEqual([...addedLineNumbers('a\nb\nc\n', 'a\nB\nc\nc\n\n')], [2, 4]);
  });
});
