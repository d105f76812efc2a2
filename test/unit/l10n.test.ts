/**
 * User-facing strings of the extension go through `vscode.l10n.t` (#14): a static check over
 * src/host and src/features that no notification (showInformationMessage / showWarningMessage /
 * showErrorMessage, the prompter's notify and confirm) and no question's title, prompt or
 * placeholder is a plain string literal. Strings built by pure modules (core, the view models) are
 * outside it: they cannot import vscode.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';
import type * as TS from 'typescript';

// Loaded at run time (not bundled into the test file): the compiler's parser.
const ts = createRequire(__filename)('typescript') as typeof TS;

const ROOT = resolve(__dirname, '..', '..', '..');

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? walk(p) : e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

const NOTIFICATIONS = new Set(['showInformationMessage', 'showWarningMessage', 'showErrorMessage']);
const QUESTION_TEXTS = new Set(['title', 'prompt', 'placeholder', 'tooltip']);

/** Words in a literal's text (codicons like `$(law)` and punctuation are not words). */
const hasWords = (text: string) => /[A-Za-z]/.test(text.replace(/\$\([\w~-]+\)/g, ''));

/** A literal string with words in it (or a template or concatenation of such) shown as it is written. */
function plainText(node: TS.Node): boolean {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return hasWords(node.text);
  if (ts.isTemplateExpression(node)) return hasWords(node.head.text + node.templateSpans.map((s) => s.literal.text).join(' '));
  if (ts.isParenthesizedExpression(node)) return plainText(node.expression);
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) return plainText(node.left) || plainText(node.right);
  if (ts.isConditionalExpression(node)) return plainText(node.whenTrue) || plainText(node.whenFalse);
  return false;
}

/** `file:line: what` for every user-facing string literal not wrapped in `l10n.t`. */
export function unlocalized(source: string, file = 'x.ts'): string[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  const at = (n: TS.Node, what: string) => out.push(`${file}:${sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1}: ${what}`);
  const visit = (n: TS.Node): void => {
    if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression)) {
      const name = n.expression.name.text;
      // A notification's message and its buttons; the prompter's notify(severity, message, ...actions)
      // and confirm(message, action).
      const texts = NOTIFICATIONS.has(name) ? n.arguments : name === 'notify' ? n.arguments.slice(1) : name === 'confirm' ? n.arguments : [];
      for (const a of texts) if (plainText(a)) at(a, `${name}(${a.getText(sf).slice(0, 60)})`);
    }
    // A question's (or a command's) title, prompt, placeholder and tooltip.
    if (ts.isPropertyAssignment(n) && ts.isIdentifier(n.name) && QUESTION_TEXTS.has(n.name.text) && plainText(n.initializer)) {
      at(n, `${n.name.text}: ${n.initializer.getText(sf).slice(0, 60)}`);
    }
    if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(n.left)
      && ['title', 'prompt', 'placeholder', 'tooltip', 'text', 'validationMessage'].includes(n.left.name.text) && plainText(n.right)) {
      at(n, `${n.left.getText(sf)} = ${n.right.getText(sf).slice(0, 60)}`);
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

describe('user-facing strings through vscode.l10n.t', () => {
  it('finds no plain string literal in a notification, a question or a status item of src/host and src/features', () => {
    const files = [...walk(join(ROOT, 'src', 'host')), ...walk(join(ROOT, 'src', 'features'))];
    assert.ok(files.length > 40, `read ${files.length} files`);
    // Pure modules (no vscode import: unit-tested view models, say) cannot call l10n.t.
    const withVscode = files.map((f) => ({ f, text: readFileSync(f, 'utf8') })).filter(({ text }) => /^import \* as vscode from 'vscode';$/m.test(text));
    assert.ok(withVscode.length > 30, `${withVscode.length} files import vscode`);
    const found = withVscode.flatMap(({ f, text }) => unlocalized(text, relative(ROOT, f).split(/[\\/]/).join('/')));
    assert.deepEqual(found, []);
  });

  it('flags literals, templates and concatenations, and lets l10n.t calls and variables through (the check can fail)', () => {
    const src = [
      "void vscode.window.showInformationMessage('Done');",
      'void vscode.window.showWarningMessage(`Found ${n}`, \'Show Problems\');',
      "void vscode.window.showErrorMessage('Failed: ' + why);",
      "void prompter.notify('info', `No code names ${x}`);",
      "await prompter.confirm('Create one?', vscode.l10n.t('Create'));",
      "await prompter.input({ title: 'Rename', prompt: vscode.l10n.t('New title'), placeholder: ok ? 'a' : vscode.l10n.t('b') });",
      "item.tooltip = 'Decision status';",
      // Through l10n.t, or a variable: fine.
      "void vscode.window.showInformationMessage(vscode.l10n.t('Done {0}', n), vscode.l10n.t('Open'));",
      "void vscode.window.showWarningMessage(message, SHOW);",
      "void prompter.notify('warning', summary(outcomes));",
      "item.tooltip = vscode.l10n.t('Decision status: {0}', s);",
      // No words of its own: labels and icons put together.
      'item.text = `$(law) ${statusWord(r)}`;',
      'link.tooltip = `${recordLabel(target)} (${statusWord(target)})`;',
    ].join('\n');
    assert.deepEqual(unlocalized(src), [
      "x.ts:1: showInformationMessage('Done')",
      'x.ts:2: showWarningMessage(`Found ${n}`)',
      "x.ts:2: showWarningMessage('Show Problems')",
      "x.ts:3: showErrorMessage('Failed: ' + why)",
      'x.ts:4: notify(`No code names ${x}`)',
      "x.ts:5: confirm('Create one?')",
      "x.ts:6: title: 'Rename'",
      "x.ts:6: placeholder: ok ? 'a' : vscode.l10n.t('b')",
      "x.ts:7: item.tooltip = 'Decision status'",
    ]);
  });
});
