/**
 * Replays an adr-tools test script (tests/*.sh, run with `set -v`) against the CLI in memory and
 * returns the transcript its tests/*.expected file holds: each line echoed, then its output.
 * Understands just what those scripts use: `adr ...`, `cat F`, `cat > F <<EOF` … `EOF`, `head -N F`,
 * `ls [D]`, `mkdir [-p] D`, `cd D`, `NAME=value`, `export NAME`, `echo ...`, `# comments`, blank
 * lines, and `if adr ...` / `then` / … / `fi` (echoed whole before it runs, as `sh -v` does).
 */
import { MemoryFileSystem } from '../fakes/memoryFileSystem';
import { join, normalize } from '../../src/core/paths';
import { cli } from './cliHarness';

/** Fake editors as adr-tools' tests/fake-editor and tests/fake-visual: they print their name and the file. */
const FAKE_EDITORS: Record<string, string> = { 'fake-editor': 'EDITOR', 'fake-visual': 'VISUAL' };

/** Splits a shell line into words (single and double quotes, backslash escapes). */
export function shellWords(line: string): string[] {
  const out: string[] = [];
  let word: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === ' ' || c === '\t') {
      if (word !== undefined) out.push(word);
      word = undefined;
    } else if (c === '"' || c === "'") {
      const end = line.indexOf(c, i + 1);
      word = (word ?? '') + line.slice(i + 1, end);
      i = end;
    } else if (c === '\\') {
      word = (word ?? '') + line[++i];
    } else {
      word = (word ?? '') + c;
    }
  }
  if (word !== undefined) out.push(word);
  return out;
}

/** Runs `script` from `cwd` with `env` (ADR_DATE etc.) and returns the transcript. */
export async function replay(fs: MemoryFileSystem, cwd: string, script: string, env: Record<string, string>): Promise<string> {
  const vars = { ...env };
  let dir = cwd;
  let out = '';
  const lines = script.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^if /.test(line)) {
      // `sh -v` prints the whole compound command, then runs it.
      const end = lines.indexOf('fi', i);
      const block = lines.slice(i, end + 1);
      out += block.map((l) => `${l}\n`).join('');
      const condition = await cli(fs, dir, shellWords(line).slice(2), vars);
      out += condition.stdout + condition.stderr;
      if (condition.code === 0) {
        for (const l of block.slice(2, -1)) out += `${shellWords(l).slice(1).join(' ')}\n`; // the `echo` lines
      }
      i = end;
      continue;
    }
    out += `${line}\n`;
    if (line.startsWith('#')) continue;
    const words = shellWords(line);
    if (words.length === 0) continue;
    const [cmd, ...args] = words as [string, ...string[]];
    const path = (p: string) => normalize(join(dir, p));
    const assign = /^([A-Z_]+)=(.*)$/.exec(line);
    if (assign) {
      vars[assign[1]!] = assign[2]!;
    } else if (cmd === 'export') {
      // the variables are passed to every command anyway
    } else if (cmd === 'adr') {
      const r = await cli(fs, dir, args, vars);
      for (const call of r.editorCalls) {
        const [editor, ...file] = call.split(' ');
        out += `${FAKE_EDITORS[editor!] ?? editor} ${file.join(' ')}\n`;
      }
      out += r.stdout + r.stderr;
    } else if (cmd === 'cat' && args[0] === '>') {
      let body = '';
      while (lines[++i] !== args[2]!.replace('<<', '')) {
        body += `${lines[i]}\n`;
        out += `${lines[i]}\n`;
      }
      out += `${lines[i]}\n`;
      fs.seed({ [path(args[1]!)]: body });
    } else if (cmd === 'cat') {
      out += fs.text(path(args[0]!)) ?? '';
    } else if (cmd === 'head') {
      const n = Number(args[0]!.slice(1));
      const text = fs.text(path(args[1]!)) ?? '';
      out += text.split('\n').slice(0, n).map((l) => `${l}\n`).join('');
    } else if (cmd === 'ls') {
      const names = (await fs.readDirectory(path(args[0] ?? '.'))).map(([n]) => n).filter((n) => !n.startsWith('.'));
      out += names.sort().map((n) => `${n}\n`).join('');
    } else if (cmd === 'mkdir') {
      fs.seedFolder(path(args[args.length - 1]!));
    } else if (cmd === 'echo') {
      out += `${args.join(' ')}\n`;
    } else if (cmd === 'cd') {
      dir = path(args[0]!);
    } else {
      throw new Error(`replay: unsupported command: ${line}`);
    }
  }
  return out;
}
