/**
 * The shape of the source (docs/architecture.md): the import graph of src has no cycle, no feature
 * imports another feature, and the layers only import downwards (core ← platform ← host ← features
 * ← extension.ts). ESLint's import zones say the same per file; this checks the whole graph.
 */
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..', '..');
const SRC = join(ROOT, 'src');

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? walk(p) : /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

/** Relative imports (type-only ones included) of every file under src, resolved to files. */
function importGraph(): Map<string, Set<string>> {
  const files = walk(SRC);
  const known = new Set(files);
  const resolveSpec = (from: string, spec: string) => {
    const b = resolve(dirname(from), spec);
    return [b, `${b}.ts`, `${b}.tsx`, join(b, 'index.ts')].find((c) => known.has(c));
  };
  const graph = new Map<string, Set<string>>();
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    const out = new Set<string>();
    for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"`;]*?from\s*['"](\.[^'"]+)['"]/g)) {
      const t = resolveSpec(f, m[1]!);
      if (t) out.add(t);
    }
    for (const m of text.matchAll(/(?:^|\n)\s*import\s*['"](\.[^'"]+)['"]/g)) {
      const t = resolveSpec(f, m[1]!);
      if (t) out.add(t);
    }
    graph.set(f, out);
  }
  return graph;
}

/** Strongly connected components with more than one file (or a file importing itself). */
function cycles(graph: Map<string, Set<string>>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    index.set(v, counter);
    low.set(v, counter);
    counter++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const c: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        c.push(w);
      } while (w !== v);
      if (c.length > 1 || graph.get(v)?.has(v)) out.push(c.map((p) => relative(SRC, p)).sort());
    }
  };
  for (const f of graph.keys()) if (!index.has(f)) visit(f);
  return out;
}

/** The layer of a file: core, platform, host, a feature (`features/<name>`), webviews, cli or the root. */
function layer(path: string): string {
  const rel = relative(SRC, path).split(/[\\/]/);
  if (rel[0] === 'features') return `features/${rel[1]}`;
  return rel.length === 1 ? 'root' : rel[0]!;
}

/** What each layer may import (besides itself). */
const ALLOWED: Record<string, readonly string[]> = {
  core: [],
  platform: ['core'],
  host: ['core', 'platform'],
  webviews: [],
  cli: ['core', 'platform'],
};
const allowedFor = (from: string): readonly string[] | undefined =>
  from.startsWith('features/') ? ['core', 'platform', 'host', 'webviews'] : ALLOWED[from];

/** The graph page lays out in the browser: it may import the core's graph module (pure, no Node API) and the model's types. */
function graphPageLayout(from: string, to: string): boolean {
  const f = relative(SRC, from).split(/[\\/]/).join('/');
  const t = relative(SRC, to).split(/[\\/]/).join('/');
  return f.startsWith('webviews/graph/') && (t.startsWith('core/graph/') || t === 'core/model.ts');
}

describe('architecture', () => {
  const graph = importGraph();

  it('reads the whole source tree', () => {
    assert.ok(graph.size > 150, `${graph.size} files`);
    assert.ok([...graph.keys()].some((f) => layer(f) === 'features/review'));
  });

  it('has no import cycle', () => {
    assert.deepEqual(cycles(graph), []);
    // The shared import-graph tool, where it is installed, agrees.
    const tool = join(ROOT, '..', 'shared', 'tools', 'imports.mjs');
    if (existsSync(tool)) {
      const out = execFileSync(process.execPath, [tool, 'src', 'src/features'], { cwd: ROOT, encoding: 'utf8' });
      assert.match(out, /\b0 cycles\b/);
      assert.match(out, /\b0 feature-to-feature imports\b/);
    }
  });

  it('has no feature-to-feature import, and every layer imports only the layers below it', () => {
    const wrong: string[] = [];
    for (const [from, targets] of graph) {
      const a = layer(from);
      const allowed = allowedFor(a);
      if (!allowed) continue; // the composition root and other top-level files may import anything
      for (const t of targets) {
        const b = layer(t);
        if (b !== a && !allowed.includes(b) && !graphPageLayout(from, t)) wrong.push(`${relative(SRC, from)} -> ${relative(SRC, t)}`);
      }
    }
    assert.deepEqual(wrong, []);
  });

  it('finds a cycle and a feature-to-feature import when there is one (the check can fail)', () => {
    const a = join(SRC, 'features/x/a.ts');
    const b = join(SRC, 'features/y/b.ts');
    const fake = new Map([[a, new Set([b])], [b, new Set([a])]]);
    assert.deepEqual(cycles(fake), [['features/x/a.ts', 'features/y/b.ts']]);
    assert.ok(!allowedFor(layer(a))!.includes(layer(b)));
  });
});

describe('settings scopes', () => {
  // The one reader (src/host/settings.ts) reads resource settings through `r` (a configuration
  // for the folder or file at hand) and window settings through `w` (no resource): VS Code warns
  // "Accessing a window scoped configuration for a resource" when a window setting is read through `r`.
  const source = readFileSync(join(SRC, 'host', 'settings.ts'), 'utf8');
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { contributes: { configuration: { properties: Record<string, { scope?: string }> } } };
  const props = pkg.contributes.configuration.properties;
  const readThrough = (v: string) => [...source.matchAll(new RegExp(`\\b${v}\\.get<[^(]*>\\('([^']+)'`, 'g'))].map((m) => `adrWorkbench.${m[1]}`);

  it('reads every contributed setting, each through the reader its scope needs', () => {
    const resource = readThrough('r');
    const window = readThrough('w');
    assert.deepEqual([...resource, ...window].sort(), Object.keys(props).sort());
    assert.deepEqual(resource.filter((k) => props[k]?.scope !== 'resource'), [], 'read for a resource but not resource-scoped');
    assert.deepEqual(window.filter((k) => (props[k]?.scope ?? 'window') !== 'window'), [], 'read without a resource but not window-scoped');
    assert.ok(window.includes('adrWorkbench.tree.groupBy'));
  });

  it('reads settings only in src/host/settings.ts', () => {
    const readers = walk(SRC).filter((f) => /getConfiguration\(/.test(readFileSync(f, 'utf8'))).map((f) => relative(SRC, f));
    assert.deepEqual(readers, [join('host', 'settings.ts')]);
  });
});

describe('one of each host service', () => {
  const uses = (re: RegExp) => walk(SRC).filter((f) => re.test(readFileSync(f, 'utf8'))).map((f) => relative(SRC, f).split(/[\\/]/).join('/')).sort();

  it('applies and saves edits only in the edit session (quick fixes hand theirs to the editor)', () => {
    assert.deepEqual(uses(/\.applyEdit\(/), ['host/editSession.ts']);
    // Quick fixes' edits are made there too (quickFixEdit): one module makes WorkspaceEdits.
    assert.deepEqual(uses(/new\s+vscode\.WorkspaceEdit\b|\bWorkspaceEdit\s*\(/), ['host/editSession.ts']);
    assert.deepEqual(uses(/\.save\(\)/), ['host/editSession.ts']);
  });

  it('watches files in one place, publishes diagnostics in one place, matches open documents in one place', () => {
    assert.deepEqual(uses(/createFileSystemWatcher\(/), ['host/fileEvents.ts']);
    assert.deepEqual(uses(/createDiagnosticCollection\(/), ['host/diagnostics.ts']);
    assert.deepEqual(uses(/textDocuments\.find\(/), ['host/documents.ts']);
  });

  it('registers commands only through the runner, with ids from host/ids.ts', () => {
    assert.deepEqual(uses(/registerCommand\(/), ['host/runner.ts']);
    // Code (not comments) naming an id as a string literal; the prompter's BACK symbol is not an id.
    const literal = /^(?!\s*(?:\*|\/\/|\/\*)).*['"]adrWorkbench\.(?!prompter\.)[a-zA-Z.]+['"]/m;
    assert.deepEqual(uses(literal).filter((f) => f !== 'host/ids.ts'), []);
  });
});
