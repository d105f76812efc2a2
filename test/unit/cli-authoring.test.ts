/**
 * `init`, `new`, `link` on adr-tools collections, byte for byte against adr-tools' own tests: each
 * case replays a tests/*.sh script in memory and compares the transcript with tests/*.expected
 * (npryce/adr-tools master; the tests run with ADR_DATE=1992-01-12).
 */
import { strict as assert } from 'node:assert';
import { MemoryFileSystem } from '../fakes/memoryFileSystem';
import { replay } from '../support/adrToolsShell';
import { cli } from '../support/cliHarness';

const ENV = { ADR_DATE: '1992-01-12' };

/** Replays the commands `expected` echoes (its lines that are commands) and returns the transcript. */
async function run(expected: string): Promise<string> {
  const script = expected.split('\n').filter((l) => COMMAND.test(l)).join('\n');
  return replay(new MemoryFileSystem().seedFolder('/w'), '/w', script, ENV);
}

const COMMAND = /^(adr |ls|cat |head |mkdir |cd |export |[A-Z]+=|EOF$)/;

describe('CLI authoring: adr-tools tests/*.expected, byte for byte', () => {
  const cases: Record<string, string> = {
    'create-first-record': `adr new The First Decision
doc/adr/0001-the-first-decision.md
cat doc/adr/0001-the-first-decision.md
# 1. The First Decision

Date: 1992-01-12

## Status

Accepted

## Context

The issue motivating this decision, and any context that influences or constrains the decision.

## Decision

The change that we're proposing or have agreed to implement.

## Consequences

What becomes easier or more difficult to do and any risks introduced by the change that will need to be mitigated.
`,
    'create-mutiple-records': `adr new First Decision
doc/adr/0001-first-decision.md
adr new Second Decision
doc/adr/0002-second-decision.md
adr new Third Decision
doc/adr/0003-third-decision.md
ls doc/adr
0001-first-decision.md
0002-second-decision.md
0003-third-decision.md
head -7 doc/adr/0002-second-decision.md
# 2. Second Decision

Date: 1992-01-12

## Status

Accepted
head -7 doc/adr/0003-third-decision.md
# 3. Third Decision

Date: 1992-01-12

## Status

Accepted
`,
    'supercede-multiple-adrs': `adr new First Record
doc/adr/0001-first-record.md
adr new Second Record
doc/adr/0002-second-record.md
adr new -s 1 -s 2 Third Record
doc/adr/0003-third-record.md
head -8 doc/adr/0001-first-record.md
# 1. First Record

Date: 1992-01-12

## Status

Superceded by [3. Third Record](0003-third-record.md)

head -8 doc/adr/0002-second-record.md
# 2. Second Record

Date: 1992-01-12

## Status

Superceded by [3. Third Record](0003-third-record.md)

head -12 doc/adr/0003-third-record.md
# 3. Third Record

Date: 1992-01-12

## Status

Accepted

Supercedes [1. First Record](0001-first-record.md)

Supercedes [2. Second Record](0002-second-record.md)

`,
    linking: `adr new First Record
doc/adr/0001-first-record.md
adr new Second Record
doc/adr/0002-second-record.md
adr new Third Record
doc/adr/0003-third-record.md
adr link 3 Amends 1 "Amended by"
adr link 3 Clarifies 2 "Clarified by"
head -12 doc/adr/0001-first-record.md
# 1. First Record

Date: 1992-01-12

## Status

Accepted

Amended by [3. Third Record](0003-third-record.md)

## Context

head -12 doc/adr/0002-second-record.md
# 2. Second Record

Date: 1992-01-12

## Status

Accepted

Clarified by [3. Third Record](0003-third-record.md)

## Context

head -14 doc/adr/0003-third-record.md
# 3. Third Record

Date: 1992-01-12

## Status

Accepted

Amends [1. First Record](0001-first-record.md)

Clarifies [2. Second Record](0002-second-record.md)

## Context

`,
    'linking-new-records': `adr new First Record
doc/adr/0001-first-record.md
adr new Second Record
doc/adr/0002-second-record.md
adr new -l "1:Amends:Amended by" -l "2:Clarifies:Clarified by" Third Record
doc/adr/0003-third-record.md
head -12 doc/adr/0001-first-record.md
# 1. First Record

Date: 1992-01-12

## Status

Accepted

Amended by [3. Third Record](0003-third-record.md)

## Context

head -12 doc/adr/0002-second-record.md
# 2. Second Record

Date: 1992-01-12

## Status

Accepted

Clarified by [3. Third Record](0003-third-record.md)

## Context

head -14 doc/adr/0003-third-record.md
# 3. Third Record

Date: 1992-01-12

## Status

Accepted

Amends [1. First Record](0001-first-record.md)

Clarifies [2. Second Record](0002-second-record.md)

## Context

`,
    'funny-characters': `adr new Something About Node.JS
doc/adr/0001-something-about-node-js.md
adr new Slash/Slash/Slash/
doc/adr/0002-slash-slash-slash.md
adr new -- "-Bar-"
doc/adr/0003-bar.md
ls doc/adr
0001-something-about-node-js.md
0002-slash-slash-slash.md
0003-bar.md
`,
    'names-may-contain-numbers': `adr new 99 Luft Balloons
doc/adr/0001-99-luft-balloons.md
adr new Song 2
doc/adr/0002-song-2.md
adr new 1999
doc/adr/0003-1999.md
adr new 9 to 5
doc/adr/0004-9-to-5.md
ls doc/adr
0001-99-luft-balloons.md
0002-song-2.md
0003-1999.md
0004-9-to-5.md
`,
    'init-adr-repository': `adr init
doc/adr/0001-record-architecture-decisions.md
ls doc/adr
0001-record-architecture-decisions.md
cat doc/adr/0001-record-architecture-decisions.md
# 1. Record architecture decisions

Date: 1992-01-12

## Status

Accepted

## Context

We need to record the architectural decisions made on this project.

## Decision

We will use Architecture Decision Records, as [described by Michael Nygard](http://thinkrelevance.com/blog/2011/11/15/documenting-architecture-decisions).

## Consequences

See Michael Nygard's article, linked above. For a lightweight ADR toolset, see Nat Pryce's [adr-tools](https://github.com/npryce/adr-tools).
`,
    'init-with-spaces-in-directory': `adr init "test doc/adr"
test doc/adr/0001-record-architecture-decisions.md
`,
    'search-for-custom-adr-dir': `adr init architecture-log
architecture-log/0001-record-architecture-decisions.md
adr new First Record
architecture-log/0002-first-record.md
mkdir subdir
cd subdir
adr new Second Record
../architecture-log/0003-second-record.md
adr list
../architecture-log/0001-record-architecture-decisions.md
../architecture-log/0002-first-record.md
../architecture-log/0003-second-record.md
cd ..
adr list
architecture-log/0001-record-architecture-decisions.md
architecture-log/0002-first-record.md
architecture-log/0003-second-record.md
`,
    'search-for-adr-dir': `adr new First Record
doc/adr/0001-first-record.md
mkdir subdir
cd subdir
adr new Second Record
../doc/adr/0002-second-record.md
adr list
../doc/adr/0001-first-record.md
../doc/adr/0002-second-record.md
cd ..
adr list
doc/adr/0001-first-record.md
doc/adr/0002-second-record.md
`,
  };

  for (const [name, expected] of Object.entries(cases)) {
    it(`tests/${name}.expected`, async () => {
      assert.equal(await run(expected), expected);
    });
  }

  // Scripts with blank lines between their steps, or with a here-document: replayed as written.
  const scripted: Record<string, [string, string]> = {
    'supercede-existing-adr': [
      'adr new First Record\nadr new -s 1 Second Record\nhead -10 doc/adr/0001-first-record.md\nhead -12 doc/adr/0002-second-record.md\n',
      `adr new First Record
doc/adr/0001-first-record.md
adr new -s 1 Second Record
doc/adr/0002-second-record.md
head -10 doc/adr/0001-first-record.md
# 1. First Record

Date: 1992-01-12

## Status

Superceded by [2. Second Record](0002-second-record.md)

## Context

head -12 doc/adr/0002-second-record.md
# 2. Second Record

Date: 1992-01-12

## Status

Accepted

Supercedes [1. First Record](0001-first-record.md)

## Context


`,
    ],
    'alternative-adr-directory': [
      'adr init alternative-dir\nadr new Example ADR\n\nls .\nls alternative-dir\n\nadr list',
      `adr init alternative-dir
alternative-dir/0001-record-architecture-decisions.md
adr new Example ADR
alternative-dir/0002-example-adr.md

ls .
alternative-dir
ls alternative-dir
0001-record-architecture-decisions.md
0002-example-adr.md

adr list
alternative-dir/0001-record-architecture-decisions.md
alternative-dir/0002-example-adr.md
`,
    ],
    'alternative-dir-with-space': [
      'mkdir dir\\ with\\ space\ncd dir\\ with\\ space\nadr init alt-dir-with-space\n\nls .\nls alt-dir-with-space\n\nadr list',
      `mkdir dir\\ with\\ space
cd dir\\ with\\ space
adr init alt-dir-with-space
alt-dir-with-space/0001-record-architecture-decisions.md

ls .
alt-dir-with-space
ls alt-dir-with-space
0001-record-architecture-decisions.md

adr list
alt-dir-with-space/0001-record-architecture-decisions.md
`,
    ],
    'project-specific-template': [
      'adr init adrs\nmkdir -p adrs/templates\ncat > adrs/templates/template.md <<EOF\n# TITLE\n\nProject specific template!\n\n# Status\n\nSTATUS\n\n# Info\n\n' +
        'ADR Number: NUMBER\n\nDate: DATE\n\nEOF\nadr new Aaa Bbb\nadr new Ccc Ddd\ncat adrs/0002-aaa-bbb.md\ncat adrs/0003-ccc-ddd.md',
      `adr init adrs
adrs/0001-record-architecture-decisions.md
mkdir -p adrs/templates
cat > adrs/templates/template.md <<EOF
# TITLE

Project specific template!

# Status

STATUS

# Info

ADR Number: NUMBER

Date: DATE

EOF
adr new Aaa Bbb
adrs/0002-aaa-bbb.md
adr new Ccc Ddd
adrs/0003-ccc-ddd.md
cat adrs/0002-aaa-bbb.md
# Aaa Bbb

Project specific template!

# Status

Accepted

# Info

ADR Number: 2

Date: 1992-01-12

cat adrs/0003-ccc-ddd.md
# Ccc Ddd

Project specific template!

# Status

Accepted

# Info

ADR Number: 3

Date: 1992-01-12

`,
    ],
    'edit-adr-on-creation': [
      'export EDITOR\nexport VISUAL\n\nEDITOR=fake-editor\nVISUAL=\nadr new created with EDITOR environment variable set\n\n' +
        'EDITOR=\nVISUAL=fake-visual\nadr new created with VISUAL environment variable set\n\n' +
        'EDITOR=fake-editor\nVISUAL=fake-visual\nadr new uses setting of VISUAL if both VISUAL and EDITOR are set',
      `export EDITOR
export VISUAL

EDITOR=fake-editor
VISUAL=
adr new created with EDITOR environment variable set
EDITOR doc/adr/0001-created-with-editor-environment-variable-set.md
doc/adr/0001-created-with-editor-environment-variable-set.md

EDITOR=
VISUAL=fake-visual
adr new created with VISUAL environment variable set
VISUAL doc/adr/0002-created-with-visual-environment-variable-set.md
doc/adr/0002-created-with-visual-environment-variable-set.md

EDITOR=fake-editor
VISUAL=fake-visual
adr new uses setting of VISUAL if both VISUAL and EDITOR are set
VISUAL doc/adr/0003-uses-setting-of-visual-if-both-visual-and-editor-are-set.md
doc/adr/0003-uses-setting-of-visual-if-both-visual-and-editor-are-set.md
`,
    ],
    // Transcripts of Debian's adr-tools 3.0.0 running the scripts with `sh -v` and ADR_DATE=1992-01-12.
    'list-records': [
      "adr list\nadr new first\nadr list\nadr new second\nadr list\nadr new third\nadr list\n",
      `adr list
The doc/adr directory does not exist
adr new first
doc/adr/0001-first.md
adr list
doc/adr/0001-first.md
adr new second
doc/adr/0002-second.md
adr list
doc/adr/0001-first.md
doc/adr/0002-second.md
adr new third
doc/adr/0003-third.md
adr list
doc/adr/0001-first.md
doc/adr/0002-second.md
doc/adr/0003-third.md

`,
    ],
    'must-provide-a-title-when-creating-new-adr': [
      "if adr new\nthen\n    echo ERROR: should have failed\nfi",
      `if adr new
then
    echo ERROR: should have failed
fi
ERROR: no title given
`,
    ],
    'generate-contents': [
      "adr new First Decision\nadr new Second Decision\nadr new Third Decision\nadr generate toc",
      `adr new First Decision
doc/adr/0001-first-decision.md
adr new Second Decision
doc/adr/0002-second-decision.md
adr new Third Decision
doc/adr/0003-third-decision.md
adr generate toc
# Architecture Decision Records

* [1. First Decision](0001-first-decision.md)
* [2. Second Decision](0002-second-decision.md)
* [3. Third Decision](0003-third-decision.md)
`,
    ],
    'generate-contents-with-prefix': [
      "adr new First Decision\nadr new Second Decision\nadr new Third Decision\nadr generate toc -p foo/doc/adr/",
      `adr new First Decision
doc/adr/0001-first-decision.md
adr new Second Decision
doc/adr/0002-second-decision.md
adr new Third Decision
doc/adr/0003-third-decision.md
adr generate toc -p foo/doc/adr/
# Architecture Decision Records

* [1. First Decision](foo/doc/adr/0001-first-decision.md)
* [2. Second Decision](foo/doc/adr/0002-second-decision.md)
* [3. Third Decision](foo/doc/adr/0003-third-decision.md)
`,
    ],
    'generate-contents-with-header-and-footer': [
      "adr new First Decision\nadr new Second Decision\nadr new Third Decision\ncat > intro.md <<EOF\nAn intro.\n\nMultiple paragraphs.\nEOF\ncat > outro.md <<EOF\nAn outro.\nEOF\nadr generate toc -i intro.md -o outro.md",
      `adr new First Decision
doc/adr/0001-first-decision.md
adr new Second Decision
doc/adr/0002-second-decision.md
adr new Third Decision
doc/adr/0003-third-decision.md
cat > intro.md <<EOF
An intro.

Multiple paragraphs.
EOF
cat > outro.md <<EOF
An outro.
EOF
adr generate toc -i intro.md -o outro.md
# Architecture Decision Records

An intro.

Multiple paragraphs.

* [1. First Decision](0001-first-decision.md)
* [2. Second Decision](0002-second-decision.md)
* [3. Third Decision](0003-third-decision.md)

An outro.
`,
    ],
    // Debian's adr-tools 3.0.0 writes "Supersedes"; records written as npryce/adr-tools master writes them
    // ("Supercedes", see supercede-existing-adr) are drawn with the verb they carry.
    'generate-graph': [
      "adr init\nadr new An idea that seems good at the time\nadr new -s 2 A better idea\nadr new This will work\nadr new -s 3 The end\n# with default root and extension in links\nadr generate graph\n# with specified root and extension in links\nadr generate graph -p http://example.com/ -e .xxx",
      `adr init
doc/adr/0001-record-architecture-decisions.md
adr new An idea that seems good at the time
doc/adr/0002-an-idea-that-seems-good-at-the-time.md
adr new -s 2 A better idea
doc/adr/0003-a-better-idea.md
adr new This will work
doc/adr/0004-this-will-work.md
adr new -s 3 The end
doc/adr/0005-the-end.md
# with default root and extension in links
adr generate graph
digraph {
  node [shape=plaintext];
  subgraph {
    _1 [label="1. Record architecture decisions"; URL="0001-record-architecture-decisions.html"];
    _2 [label="2. An idea that seems good at the time"; URL="0002-an-idea-that-seems-good-at-the-time.html"];
    _1 -> _2 [style="dotted", weight=1];
    _3 [label="3. A better idea"; URL="0003-a-better-idea.html"];
    _2 -> _3 [style="dotted", weight=1];
    _4 [label="4. This will work"; URL="0004-this-will-work.html"];
    _3 -> _4 [style="dotted", weight=1];
    _5 [label="5. The end"; URL="0005-the-end.html"];
    _4 -> _5 [style="dotted", weight=1];
  }
  _3 -> _2 [label="Supercedes", weight=0]
  _5 -> _3 [label="Supercedes", weight=0]
}
# with specified root and extension in links
adr generate graph -p http://example.com/ -e .xxx
digraph {
  node [shape=plaintext];
  subgraph {
    _1 [label="1. Record architecture decisions"; URL="http://example.com/0001-record-architecture-decisions.xxx"];
    _2 [label="2. An idea that seems good at the time"; URL="http://example.com/0002-an-idea-that-seems-good-at-the-time.xxx"];
    _1 -> _2 [style="dotted", weight=1];
    _3 [label="3. A better idea"; URL="http://example.com/0003-a-better-idea.xxx"];
    _2 -> _3 [style="dotted", weight=1];
    _4 [label="4. This will work"; URL="http://example.com/0004-this-will-work.xxx"];
    _3 -> _4 [style="dotted", weight=1];
    _5 [label="5. The end"; URL="http://example.com/0005-the-end.xxx"];
    _4 -> _5 [style="dotted", weight=1];
  }
  _3 -> _2 [label="Supercedes", weight=0]
  _5 -> _3 [label="Supercedes", weight=0]
}
`,
    ],
  };

  for (const [name, [script, expected]] of Object.entries(scripted)) {
    it(`tests/${name}.expected`, async () => {
      assert.equal(await replay(new MemoryFileSystem().seedFolder('/w'), '/w', script, ENV), expected);
    });
  }

  it('tests/avoid-octal-numbers.expected: 0008 and 0009 give 0010, never octal', async () => {
    const titles = ['First', 'Second', 'Third', 'Fourth', 'Fifth', 'Sixth', 'Seventh', 'Eighth', 'Ninth'];
    const script = [...titles.map((t) => `adr new ${t} Decision`), 'ls doc/adr', 'head -7 doc/adr/0009-ninth-decision.md'].join('\n');
    const listed = titles.map((t, i) => `000${i + 1}-${t.toLowerCase()}-decision.md\n`).join('');
    const expected =
      titles.map((t, i) => `adr new ${t} Decision\ndoc/adr/000${i + 1}-${t.toLowerCase()}-decision.md\n`).join('') +
      `ls doc/adr\n${listed}head -7 doc/adr/0009-ninth-decision.md\n# 9. Ninth Decision\n\nDate: 1992-01-12\n\n## Status\n\nAccepted\n`;
    const fs = new MemoryFileSystem().seedFolder('/w');
    assert.equal(await replay(fs, '/w', script, ENV), expected);
    const tenth = await cli(fs, '/w', ['new', 'Tenth', 'Decision'], ENV);
    assert.equal(tenth.stdout, 'doc/adr/0010-tenth-decision.md\n');
    assert.match(fs.text('/w/doc/adr/0010-tenth-decision.md')!, /^# 10\. Tenth Decision\n/);
  });

  it('a missing title: adr-tools\' own message and exit code 1, nothing written', async () => {
    const fs = new MemoryFileSystem().seedFolder('/w');
    const r = await cli(fs, '/w', ['new'], ENV);
    assert.equal(r.code, 1);
    assert.equal(r.stderr, 'ERROR: no title given\n');
    assert.equal(r.stdout, '');
    assert.equal((await cli(fs, '/w', ['new', '-s', '1'], ENV)).stderr, 'ERROR: no title given\n');
    assert.deepEqual(fs.allFiles(), []);
  });
});

describe('new: the collection folder is listed as few times as it can', () => {
  function counting(fs: MemoryFileSystem): Map<string, number> {
    const calls = new Map<string, number>();
    const inner = fs.readDirectory.bind(fs);
    fs.readDirectory = async (path: string) => {
      calls.set(path, (calls.get(path) ?? 0) + 1);
      return inner(path);
    };
    return calls;
  }

  for (const [name, seed, dir, expected, listings] of [
    // Listed under its lock, described and numbered from that one listing.
    ['an adr-tools folder (.adr-dir): one listing, under the lock', { '/w/.adr-dir': 'doc/adr', '/w/doc/adr/0001-a.md': '# 1. A\n\nDate: 1992-01-12\n\n## Status\n\nAccepted\n' }, '/w/doc/adr', 'doc/adr/0002-next-one.md\n', 1],
    // Discovery's listing (no lock) shapes the record; the number comes from a listing under the lock.
    ['a MADR folder found by discovery: discovery\'s listing and one under the lock', { '/w/docs/decisions/0000-a.md': '---\nstatus: accepted\n---\n\n# A\n', '/w/docs/decisions/0001-b.md': '---\nstatus: accepted\n---\n\n# B\n' }, '/w/docs/decisions', 'docs/decisions/0002-next-one.md\n', 2],
  ] as const) {
    it(name, async () => {
      const fs = new MemoryFileSystem().seed(seed);
      const calls = counting(fs);
      const r = await cli(fs, '/w', ['new', 'Next', 'One'], ENV);
      assert.equal(r.stdout, expected);
      assert.equal(calls.get(dir), listings);
      assert.deepEqual(fs.lockLog, [`+${dir}`, `-${dir}`], 'the folder locked once, and released');
    });
  }

  it('new -s: the reads hold the collection\'s lock, and the record is numbered under it', async () => {
    const fs = new MemoryFileSystem().seed({ '/w/.adr-dir': 'doc/adr', '/w/doc/adr/0001-a.md': '# 1. A\n\nDate: 1992-01-12\n\n## Status\n\nAccepted\n' });
    const r = await cli(fs, '/w', ['new', '-s', '1', 'Next', 'One'], ENV);
    assert.equal(r.stdout, 'doc/adr/0002-next-one.md\n');
    assert.deepEqual(fs.lockLog, ['+/w/doc/adr', '-/w/doc/adr']);
    assert.match(fs.text('/w/doc/adr/0001-a.md')!, /Superceded by \[2\. Next One\]\(0002-next-one\.md\)/);
  });
});
