/**
 * The `adr-workbench` binary (dist/cli.js; main.ts is the same CLI as one program). It stays small: help and `--version` come from the command
 * table alone; any other command loads just its own bundle (dist/cli/<module>.js, see
 * scripts/build.mjs), with Node's compile cache where Node has one. Output is written with
 * `fs.writeSync` (output.ts): no stream is set up, and a closed output pipe (`adrw list | head -1`)
 * ends the process quietly.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { homedir, tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { preflight } from './dispatch';
import { writeAll } from './output';

/**
 * The start of a bundle's cache file names: its name and a hash of its path, so that checkouts (or
 * installs) side by side keep a cache each instead of replacing each other's at every run.
 */
function cachePrefix(file: string): string {
  let h = 0x811c9dc5; // FNV-1a, 32 bits
  for (let i = 0; i < file.length; i++) h = Math.imul(h ^ file.charCodeAt(i), 0x01000193);
  return `${basename(file, '.js')}-${(h >>> 0).toString(36)}-`;
}

/**
 * Loads a command bundle with V8's code cache, so that its code is compiled once, not at every run:
 * Node's own compile cache where Node has one (22.1+), else the same by hand (the bundle compiled
 * with `cachedData` kept per user in ~/.cache/adr-workbench, keyed by the bundle's path, size, time and
 * the Node version; V8 rejects a cache that does not fit and it is then rewritten).
 */
function loadBundle(file: string, short: boolean): void {
  const nodeModule = Module as unknown as { enableCompileCache?: (dir?: string) => unknown; wrap(source: string): string };
  // V8 checks a code cache against the flags it was made with: set before anything is compiled, and
  // a short run's cache is kept apart from the others' (else each would reject the other's).
  if (short) noOptimisingCompiler();
  if (typeof nodeModule.enableCompileCache === 'function') {
    try {
      if (short) nodeModule.enableCompileCache(join(process.env.NODE_COMPILE_CACHE || join(tmpdir(), 'node-compile-cache'), 'no-opt'));
      else nodeModule.enableCompileCache();
    } catch {
      // No cache: only slower.
    }
    createRequire(file)(file);
    return;
  }
  const source = readFileSync(file, 'utf8');
  let cacheFile: string | undefined;
  let build = '';
  let cachedData: Buffer | undefined;
  try {
    const stat = statSync(file);
    const dir = process.env.ADRW_COMPILE_CACHE || join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'adr-workbench');
    build = `${cachePrefix(file)}${stat.size}-${Math.floor(stat.mtimeMs)}-${process.version}`;
    cacheFile = join(dir, `${build}${short ? '-no-opt' : ''}.v8`);
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new Script(nodeModule.wrap(source), { filename: file, ...(cachedData ? { cachedData } : {}) });
  if (cacheFile && (!cachedData || script.cachedDataRejected)) {
    const target = cacheFile;
    // After the run: the cache then holds the functions the command compiled too.
    process.once('exit', () => {
      try {
        mkdirSync(dirname(target), { recursive: true, mode: 0o700 });
        const tmp = `${target}.${process.pid}`;
        writeFileSync(tmp, script.createCachedData());
        renameSync(tmp, target);
        // Caches of this bundle's earlier builds or Node versions are of no more use (this build's
        // other variant, short runs' or not, is).
        const prefix = cachePrefix(file);
        for (const old of readdirSync(dirname(target))) {
          if (old.startsWith(prefix) && old.endsWith('.v8') && !old.startsWith(`${build}-`) && !old.startsWith(`${build}.`)) unlinkSync(join(dirname(target), old));
        }
      } catch {
        // A read-only or full disk: no cache, only slower.
      }
    });
  }
  const bundle = { exports: {} };
  (script.runInThisContext() as (...a: unknown[]) => void).call(bundle.exports, bundle.exports, createRequire(file), bundle, file, dirname(file));
}

/**
 * Keeps V8's optimising compiler (TurboFan) out of this process: a short run (`new` without -s or
 * -l: one listing, a few reads, one write) spends more CPU compiling its few hot loops, on the
 * main thread and on background threads, than the optimised code saves (~15–20 ms of CPU at
 * 10,000 records). V8 reads the flag whenever it decides to optimise a function.
 */
function noOptimisingCompiler(): void {
  // Through the binding `v8.setFlagsFromString` itself calls: loading `node:v8` costs ~4 ms of CPU
  // (it loads the heap-snapshot streams), a fifth of what `new` does beyond Node's start-up.
  // `process.binding('v8')` warns (DEP0111) once: not here, where the warning is ours to give.
  const p = process as unknown as { binding?: (name: string) => { setFlagsFromString?: (flags: string) => void }; noDeprecation?: boolean };
  const quiet = p.noDeprecation;
  try {
    p.noDeprecation = true;
    const set = p.binding?.('v8').setFlagsFromString;
    if (typeof set === 'function') {
      set('--no-opt');
      return;
    }
  } catch {
    // No such binding (a later Node): the public module below.
  } finally {
    p.noDeprecation = quiet;
  }
  try {
    (createRequire(__filename)('node:v8') as typeof import('node:v8')).setFlagsFromString('--no-opt');
  } catch {
    // A runtime without the flag: only slower.
  }
}

function main(): void {
  const pre = preflight(process.argv.slice(2), process.env);
  if (!('command' in pre)) {
    if (pre.stdout) writeAll(1, pre.stdout);
    if (pre.stderr) writeAll(2, pre.stderr);
    process.exitCode = pre.code;
    return;
  }
  // The bundle runs the command line itself (src/cli/node.ts runNode).
  loadBundle(join(__dirname, 'cli', `${pre.command.module}.js`), pre.command.short?.(pre.args) === true);
}

if (require.main === module) main();
