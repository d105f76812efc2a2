/** The extension manifest's user-facing side: every string a user reads in `contributes` comes from
 * package.nls.json (so VS Code can show a translation), each `%key%` resolves and each key is used;
 * the icon is a 128×128 PNG; the Marketplace categories are ones VS Code allows. */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pkg from '../../package.json';
import nls from '../../package.nls.json';

const messages = nls as Record<string, unknown>;

/** Every `%key%` placeholder anywhere in a JSON value, with where it was found. */
function placeholders(value: unknown, at = '$'): { key: string; at: string }[] {
  if (typeof value === 'string') return [...value.matchAll(/%([\w.-]+)%/g)].map((m) => ({ key: m[1]!, at }));
  if (Array.isArray(value)) return value.flatMap((v, i) => placeholders(v, `${at}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => placeholders(v, `${at}.${k}`));
  return [];
}

/** The fields of `contributes` whose strings VS Code shows to the user. */
const USER_FACING = new Set(['title', 'category', 'name', 'contextualTitle', 'contents', 'description', 'markdownDescription',
  'enumDescriptions', 'markdownEnumDescriptions', 'deprecationMessage', 'markdownDeprecationMessage']);

/** Strings under a user-facing field of `value` that are not exactly one `%key%`. */
function literals(value: unknown, at: string, field?: string): string[] {
  if (typeof value === 'string') return field && USER_FACING.has(field) && !/^%[\w.-]+%$/.test(value) ? [`${at}: ${JSON.stringify(value)}`] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => literals(v, `${at}[${i}]`, field));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => literals(v, `${at}.${k}`, k));
  return [];
}

/** VS Code's allowed Marketplace categories (the extension manifest reference). */
const CATEGORIES = ['Programming Languages', 'Snippets', 'Linters', 'Themes', 'Debuggers', 'Formatters', 'Keymaps',
  'SCM Providers', 'Other', 'Extension Packs', 'Language Packs', 'Data Science', 'Machine Learning', 'Visualization',
  'Notebooks', 'Education', 'Testing', 'AI', 'Chat'];

describe('extension manifest', () => {
  it('every %key% in package.json has its English text in package.nls.json', () => {
    const found = placeholders(pkg);
    assert.ok(found.length > 40, `placeholders were read (${found.length})`);
    assert.deepEqual(found.filter((p) => !(p.key in messages)).map((p) => `${p.at}: %${p.key}%`), []);
  });

  it('every key of package.nls.json is used in package.json, with a non-empty text', () => {
    const used = new Set(placeholders(pkg).map((p) => p.key));
    assert.deepEqual(Object.keys(messages).filter((k) => !used.has(k)), [], 'unused keys');
    assert.deepEqual(Object.entries(messages).filter(([, v]) => typeof v !== 'string' || v.trim() === '').map(([k]) => k), [], 'empty texts');
  });

  it('leaves no literal user-facing string in contributes: titles, names, welcome contents, setting descriptions', () => {
    // A language model tool's `name` is its id and its input schema speaks to the model, not the user.
    const tools = (pkg.contributes as { languageModelTools?: Record<string, unknown>[] }).languageModelTools ?? [];
    const shown = { ...pkg.contributes, languageModelTools: tools.map(({ name: _name, inputSchema: _schema, ...rest }) => rest) };
    assert.deepEqual(literals(shown, 'contributes'), []);
    // The checker itself: a literal title or nested description is caught.
    assert.equal(literals({ commands: [{ command: 'x', title: 'Do It' }] }, 'c').length, 1);
    assert.equal(literals({ p: { items: { properties: { name: { type: 'string', description: 'Shown' } } } } }, 'c').length, 1);
    assert.equal(literals({ enumDescriptions: ['%a%', 'b'] }, 'c').length, 1);
  });

  it('the welcome contents link only to contributed commands', () => {
    const contributed = new Set(pkg.contributes.commands.map((c) => c.command));
    const linked = pkg.contributes.viewsWelcome.flatMap((w) => {
      const text = String(messages[w.contents.replace(/^%|%$/g, '')] ?? w.contents);
      return [...text.matchAll(/\(command:([\w.]+)/g)].map((m) => m[1]!);
    });
    assert.deepEqual(linked, ['adrWorkbench.initCollection', 'adrWorkbench.catalog.open']);
    assert.deepEqual(linked.filter((c) => !contributed.has(c)), []);
  });

  it('names a 128×128 PNG icon that exists', () => {
    assert.equal(pkg.icon, 'media/icon.png');
    const png = readFileSync(join(process.cwd(), pkg.icon));
    assert.equal(png.subarray(0, 8).toString('hex'), '89504e470d0a1a0a', 'PNG signature');
    assert.equal(png.subarray(12, 16).toString('latin1'), 'IHDR');
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
  });

  it('lists Marketplace categories VS Code allows, not only "Other"', () => {
    assert.deepEqual(pkg.categories.filter((c) => !CATEGORIES.includes(c)), []);
    assert.ok(pkg.categories.some((c) => c !== 'Other'));
  });
});
