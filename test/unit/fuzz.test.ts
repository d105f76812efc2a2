/**
 * A bounded fuzz test: generated malformed records (front matter, YAML bombs, huge lines, NUL bytes,
 * odd encodings, broken Markdown) and configuration files (`.adr-dir`, `.log4brains.yml`,
 * `adrs.toml`, `adr.config.json`, `.adr`) are decoded, parsed (scan and, for small inputs, the full
 * remark parse), linted, edited and discovered. Nothing may throw except a `UserError` (a one-line
 * refusal), and no input may take longer than the per-input bound.
 *
 * ADRW_FUZZ_SECONDS (default 10) is the time budget; ADRW_FUZZ_SEED replays a run (the seed is
 * printed in every failure). `ADRW_FUZZ_SECONDS=300 npm run fuzz` is the long run; it prints the
 * figures (inputs, crashes, hangs, peak memory).
 */
import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import { isUserError } from '../../src/core/errors';
import { setStatus } from '../../src/core/edit';
import { discover } from '../../src/core/discovery/discover';
import { findAdrDirUpwards } from '../../src/core/discovery/adrDir';
import { AdrIndex } from '../../src/core/index';
import { lintRecord } from '../../src/core/lint';
import { parseRecord } from '../../src/core/parse/record';
import { decodeText } from '../../src/core/text';
import { MemoryFileSystem } from '../fakes/memoryFileSystem';

const SECONDS = Number(process.env.ADRW_FUZZ_SECONDS ?? 10);
const SEED = Number(process.env.ADRW_FUZZ_SEED ?? (Date.now() % 2 ** 31));
/** Slowest an input may be (a busy 2-core machine; real records take well under a millisecond). */
const PER_INPUT_MS = Number(process.env.ADRW_FUZZ_INPUT_MS ?? 2000);

/** mulberry32: small, fast, good enough, and the same sequence for the same seed everywhere. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Gen {
  constructor(readonly next: () => number) {}
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** A size, mostly small, sometimes large (log-uniform up to `max`). */
  size(max: number): number {
    return Math.floor(Math.exp(this.next() * Math.log(max + 1)));
  }
  word(): string {
    return this.pick(['status', 'Status', 'date', 'title', 'accepted', 'superseded', 'Amends', 'Supersedes', '0001-a.md', 'ADR-7', '#', '-', ':', '*', '&a', '*a', '?', '|', '>-', '[', ']', '{', '}', '"', "'", '\\', '\t', ' ', '---', '...', '```', '~~~', '<!--', '-->', '\u00e9', '\ud83d\ude00', '\u202e', '\u0000', '\r', '\r\n', '\n', '%YAML 1.2', '!!binary', '<<', '=', '[[x]]', '../../', '/etc/passwd', '$(rm)', '`x`']);
  }
  junk(max: number): string {
    let s = '';
    const n = this.size(max);
    for (let i = 0; i < n; i++) s += this.chance(0.7) ? this.word() : String.fromCharCode(this.int(0x3000));
    return s;
  }
}

/** YAML that is hard on parsers: bombs, deep nesting, duplicates, block scalars, anchors. */
function hostileYaml(g: Gen): string {
  switch (g.int(12)) {
    case 0: return `${'? '.repeat(g.size(600))}a\n`;
    case 1: return `a: ${'['.repeat(g.size(5000))}\n`;
    case 2: return `a: ${'{a: '.repeat(g.size(2000))}\n`;
    case 3: {
      const lines = ['a: &a ["x","x","x","x","x","x","x","x"]'];
      for (let i = 1; i < 2 + g.int(12); i++) lines.push(`l${i}: &${String.fromCharCode(97 + i)} [${Array(8).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
      return `${lines.join('\n')}\n`;
    }
    case 4: return `status: proposed\n${'status: accepted\n'.repeat(1 + g.int(3))}`;
    case 5: return `status: ${g.pick(['>-', '|', '|+', '>2', '|-'])}\n${'  x\n'.repeat(g.size(50))}date: 2026-01-01\n`;
    case 6: return `${'  '.repeat(g.size(400))}a: b\n`;
    case 7: return `a: ${'x'.repeat(g.size(200_000))}\n`;
    case 8: return `- ${'- '.repeat(g.size(3000))}a\n`;
    case 9: return `a: !!${g.pick(['binary', 'timestamp', 'set', 'omap', 'js/function', 'python/object'])} ${g.junk(20)}\n`;
    case 10: return `<<: *${g.junk(3)}\nkey: &x [*x]\n`;
    default: return `${g.junk(40)}\n`;
  }
}

function recordText(g: Gen): string {
  const parts: string[] = [];
  if (g.chance(0.6)) parts.push(`---${g.pick(['\n', '\r\n', ' \n'])}${g.chance(0.6) ? hostileYaml(g) : g.junk(50)}${g.chance(0.9) ? '---\n' : ''}`);
  parts.push(`${'#'.repeat(1 + g.int(7))} ${g.chance(0.3) ? `${g.int(10_000)}. ` : ''}${g.junk(20)}\n`);
  const sections = g.size(30);
  for (let i = 0; i < sections; i++) {
    switch (g.int(9)) {
      case 0: parts.push(`## Status\n\n${g.pick(['Accepted', 'Superseded by [2. X](0002-x.md)', '', g.junk(10)])}\n`); break;
      case 1: parts.push(`${g.pick(['```', '~~~', '````'])}${g.junk(3)}\n${g.junk(30)}\n`); break;
      case 2: parts.push(`<!-- ${g.junk(30)}\n`); break;
      case 3: parts.push(`* ${g.pick(['Status', 'Date', 'Deciders', 'Supersedes'])}: ${g.junk(10)}\n`); break;
      case 4: parts.push(`${g.pick(['Amends', 'Supersedes', 'Clarifies'])} [${g.junk(5)}](${g.junk(5)})\n`); break;
      case 5: parts.push(`${'x'.repeat(g.size(300_000))}\n`); break;
      case 6: parts.push(`${'#'.repeat(g.size(2000))}\n`); break;
      case 7: parts.push('\n'.repeat(g.size(2000))); break;
      default: parts.push(`${g.junk(60)}\n`);
    }
  }
  let text = parts.join('\n');
  if (g.chance(0.2)) text = text.replace(/\n/g, '\r\n');
  if (g.chance(0.05)) text = text.replace(/\n/g, '\r');
  return text;
}

/** The bytes of a record: UTF-8 mostly; sometimes Latin-1, UTF-16, a BOM, NULs, truncated sequences. */
function recordBytes(g: Gen): Uint8Array {
  const text = recordText(g);
  const utf8 = new TextEncoder().encode(text);
  switch (g.int(10)) {
    case 0: return Uint8Array.from(Buffer.from(text, 'latin1'));
    case 1: return Uint8Array.from(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    case 2: return Uint8Array.from(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(utf8)]));
    case 3: {
      const b = Buffer.from(utf8);
      for (let i = 0; i < 1 + g.int(5); i++) if (b.length > 0) b[g.int(b.length)] = g.pick([0x00, 0x80, 0xc0, 0xff, 0xed, 0xf4]);
      return Uint8Array.from(b);
    }
    case 4: return utf8.subarray(0, g.int(utf8.length + 1));
    default: return utf8;
  }
}

const CONFIG_NAMES = ['.adr-dir', '.log4brains.yml', 'adrs.toml', 'adr.config.json', '.adr.json', '.adr'] as const;

function configText(g: Gen, name: (typeof CONFIG_NAMES)[number]): string {
  const folder = g.pick(['doc/adr', '../../outside', '/etc', '', ' ', '.', '..', 'doc/adr\n\n', 'x'.repeat(g.size(5000)), g.junk(10), 'docs/adr/../../..']);
  switch (name) {
    case '.adr-dir': return g.chance(0.8) ? `${folder}\n` : g.junk(30);
    case '.log4brains.yml': return g.pick([
      `project:\n  adrFolder: ${folder}\n`,
      `project:\n  packages:\n${'    - name: p\n      adrFolder: x\n'.repeat(g.size(50))}`,
      hostileYaml(g),
      `project: ${hostileYaml(g)}`,
      g.junk(40),
    ]);
    case 'adrs.toml': return g.pick([`adr_dir = "${folder}"\n`, `[adr]\npath = '${folder}'\n`, `adr_dir = ${g.junk(5)}\n`, `${'['.repeat(g.size(3000))}\n`, g.junk(40)]);
    case '.adr': return g.pick([`[adr]\nrecords-dir = ${folder}\n`, g.junk(40)]);
    default: return g.pick([
      JSON.stringify({ path: folder }),
      JSON.stringify({ directory: g.int(5) }),
      `${'['.repeat(g.size(20_000))}${']'.repeat(g.size(20_000))}`,
      `{"path": "${'\\u0000'.repeat(g.size(20))}"}`,
      g.junk(40),
    ]);
  }
}

interface Figures {
  inputs: number;
  /** The full remark parse (open editors only) over the bound: reported, not failed (see docs/security-files.md). */
  slowFullParses: number;
  fullMs: number;
  crashes: string[];
  hangs: string[];
  peakRss: number;
  slowestMs: number;
}

/** ADRW_FUZZ_DUMP=DIR: every crashing or slow input is written there, to look at. */
function dump(label: string, input: Uint8Array | string): void {
  const dir = process.env.ADRW_FUZZ_DUMP;
  if (dir) writeFileSync(`${dir}/${label.replace(/[^\w.-]+/g, '_')}.bin`, input);
}

/** Runs one input; `work` may return milliseconds not to count (the full parse, timed apart). */
async function timed(figures: Figures, label: string, input: Uint8Array | string, work: () => Promise<number | void> | number | void): Promise<void> {
  const started = performance.now();
  let excluded = 0;
  try {
    excluded = (await work()) ?? 0;
  } catch (e) {
    if (!isUserError(e)) {
      figures.crashes.push(`${label}: ${e instanceof Error ? e.stack ?? e.message : String(e)}`.slice(0, 2000));
      dump(label, input);
    }
  }
  const ms = performance.now() - started - excluded;
  figures.slowestMs = Math.max(figures.slowestMs, ms);
  if (ms > PER_INPUT_MS) {
    figures.hangs.push(`${label}: ${Math.round(ms)} ms`);
    dump(label, input);
  }
  figures.inputs++;
  figures.peakRss = Math.max(figures.peakRss, process.memoryUsage().rss);
}

describe('fuzz', function () {
  this.timeout(SECONDS * 1000 + 60_000);

  it(`records and config files: never a crash, never slow (${SECONDS} s budget; seed ${SEED})`, async () => {
    const g = new Gen(prng(SEED));
    const figures: Figures = { inputs: 0, slowFullParses: 0, fullMs: 0, crashes: [], hangs: [], peakRss: 0, slowestMs: 0 };
    const deadline = Date.now() + SECONDS * 1000;
    let round = 0;
    while (Date.now() < deadline && figures.crashes.length === 0) {
      round++;
      const bytes = recordBytes(g);
      await timed(figures, `record #${round}`, bytes, () => {
        let decoded;
        try {
          decoded = decodeText(bytes, '/r/doc/adr/0001-x.md');
        } catch (e) {
          if (isUserError(e)) return 0; // binary or too large: a one-line refusal
          throw e;
        }
        const ctx = { path: '/r/doc/adr/0001-x.md', collection: '/r/doc/adr', bom: decoded.bom };
        const record = parseRecord(decoded.text, ctx);
        lintRecord(record, decoded.text);
        setStatus(record, decoded.text, g.pick(['accepted', 'Deprecated', 'on: hold', "it's #1"]));
        if (decoded.text.length < 20_000) {
          // remark is superlinear in list nesting (`- - - …`): timed on its own, must never crash
          // and never take longer than ten times the bound.
          const started = performance.now();
          parseRecord(decoded.text, { ...ctx, mode: 'full' });
          const ms = performance.now() - started;
          if (ms > PER_INPUT_MS) figures.slowFullParses++;
          if (ms > 10 * PER_INPUT_MS) figures.hangs.push(`record #${round} (full parse): ${Math.round(ms)} ms`);
          figures.fullMs += ms;
          return ms; // only the scan path (index, CLI) counts against the per-input bound
        }
        return 0;
      });
      if (round % 4 === 0) {
        const name = g.pick(CONFIG_NAMES);
        const content = configText(g, name);
        await timed(figures, `config #${round} ${name}`, content, async () => {
          const fs = MemoryFileSystem.from({
            [name]: content,
            'doc/adr/0001-a.md': '# 1. A\n\n## Status\n\nAccepted\n',
            'doc/adr/0002-b.md': bytes,
          }, '/r/repo');
          await discover(fs, '/r/repo');
          await AdrIndex.build(fs, '/r/repo');
          await findAdrDirUpwards(fs, '/r/repo/doc');
        });
      }
    }
    const summary = `fuzz seed ${SEED}: ${figures.inputs} inputs in ${SECONDS} s, ${figures.crashes.length} crashes, ${figures.hangs.length} over ${PER_INPUT_MS} ms, slowest ${Math.round(figures.slowestMs)} ms, peak RSS ${Math.round(figures.peakRss / 1024 / 1024)} MiB; full remark parse: ${figures.slowFullParses} over ${PER_INPUT_MS} ms, ${Math.round(figures.fullMs / 1000)} s in all`;
    if (process.env.ADRW_FUZZ_SECONDS) console.log(summary);
    assert.deepEqual(figures.crashes, [], `${summary} (replay: ADRW_FUZZ_SEED=${SEED})`);
    assert.deepEqual(figures.hangs, [], `${summary} (replay: ADRW_FUZZ_SEED=${SEED})`);
    assert.ok(figures.inputs > 50, summary);
  });
});
