/**
 * What the review panel's buttons do, through the host's edit session (each one undoable step,
 * each file written once): Draft ADR (New Decision with the change in its Context and the paths in
 * its `governs`, written finished), Link to Existing ADR (the record now governs the paths),
 * Acknowledge (an entry in the committed `.adr-review.yml`), Open Diff and Open File; and for a
 * conflict with a decision already taken, Open Record (at the line that rejects it) and Open File.
 */
import * as vscode from 'vscode';
import { addGovernsEdits } from '../../core/edit';
import { UserError } from '../../core/errors';
import type { TextEdit } from '../../core/model';
import { join } from '../../core/paths';
import { acknowledgementEdits, CONFIG_FILES, type ReviewConflict, type ReviewFinding } from '../../core/review';
import { applyEdits } from '../../core/text';
import type { Host } from '../../host';
import type { NewDecision } from '../../host/contracts';
import { pickRecord } from '../../host/pickers';
import { answered } from '../../host/prompter';
import type { FindingAction } from '../../webviews/review/protocol';
import { firstContentOffset } from './firstContent';

/** Arguments of `adrWorkbench.review.action` besides the action and the finding. */
export interface ActionArgs {
  /** Link to Existing: the record (absolute path); asked when absent. */
  readonly record?: string;
  /** Acknowledge: the reason; asked when absent. */
  readonly reason?: string;
}

export class ReviewActions {
  constructor(private readonly host: Host, private readonly newDecision: NewDecision, private readonly changed: () => void) {}

  /** Carries out `action` on `f`. */
  async run(action: FindingAction | undefined, f: ReviewFinding, args: ActionArgs = {}): Promise<unknown> {
    const file = vscode.Uri.file(join(f.repository, f.path));
    switch (action) {
      case 'draftAdr':
        return this.draft(f);
      case 'linkToAdr': {
        const target = args.record ?? answered(await pickRecord(this.host.workspace, this.host.runner.prompter, { title: vscode.l10n.t('Which decision covers {0}?', f.path) })).path;
        return this.linkTo(f, target);
      }
      case 'acknowledge': {
        const why = args.reason ?? answered(await this.host.runner.prompter.input({
          title: vscode.l10n.t('Acknowledge: {0}', f.message),
          prompt: vscode.l10n.t('Why is this not an architectural decision? (saved in .adr-review.yml for the team to see)'),
          validate: (v) => (v.trim() ? undefined : vscode.l10n.t('A reason is needed')),
        }));
        return this.acknowledge(f, why);
      }
      case 'openDiff':
        // The git extension's diff of the working file against HEAD; a new file just opens.
        if (f.status === 'untracked' || f.status === 'added') return vscode.commands.executeCommand('vscode.open', file);
        return vscode.commands.executeCommand('git.openChange', file).then(undefined, () => vscode.commands.executeCommand('vscode.open', file));
      case 'openFile':
        return vscode.window.showTextDocument(file, f.line ? { selection: new vscode.Range(f.line - 1, 0, f.line - 1, 0) } : {});
      case 'openRecord': {
        // A finding's record: the first record its evidence names.
        const record = f.evidence.find((e) => e.record)?.record;
        if (!record) throw new UserError('No decision record documents this change yet.');
        const line = f.evidence.find((e) => e.record === record)?.line;
        return vscode.window.showTextDocument(vscode.Uri.file(record.path), line ? { selection: new vscode.Range(line - 1, 0, line - 1, 0) } : {});
      }
      default:
        throw new UserError(`Unknown review action "${String(action)}"`);
    }
  }

  /** Carries out `action` on a conflict: Open Record (at the record's line), Open File (at the line that adds it). */
  async runConflict(action: FindingAction | undefined, c: ReviewConflict): Promise<unknown> {
    const at = (line: number | undefined) => (line ? { selection: new vscode.Range(line - 1, 0, line - 1, 0) } : {});
    switch (action) {
      case 'openRecord':
        return vscode.window.showTextDocument(vscode.Uri.file(c.record.path), at(c.recordLine));
      case 'openFile':
      case 'openDiff':
        return vscode.window.showTextDocument(vscode.Uri.file(join(c.repository, c.path)), at(c.line));
      default:
        throw new UserError(`"${String(action)}" does not apply to a conflict with a decision; open the record to supersede it.`);
    }
  }

  /** Draft ADR: a new record titled after the change, the change in its context, governing the paths; written once. */
  async draft(f: ReviewFinding): Promise<vscode.Uri | undefined> {
    const governing = f.rule === 'governed-code' ? this.host.workspace.records().find((r) => r.id === f.subject) : undefined;
    const uri = await this.newDecision({ title: f.suggestion.title, ...(governing ? { supersedes: [governing.path] } : {}) }, {
      finish: (record, text) => {
        const edits: TextEdit[] = [...addGovernsEdits(record, text, f.suggestion.governs)];
        const context = record.sections.find((s) => /^context/i.test(s.heading.trim()));
        if (context) {
          const lines = [`This decision records a change flagged by the architecture review (${f.ruleTitle}):`, '', `* \`${f.path}\`${f.line ? ` (line ${f.line})` : ''}: ${f.message}`, '', ''];
          const at = firstContentOffset(text, context.bodySpan.start);
          edits.push({ start: at, end: at, newText: lines.join(record.eol) });
        }
        return edits;
      },
    });
    if (uri) this.changed();
    return uri;
  }

  /** Link to Existing ADR: the chosen record now governs the paths. */
  async linkTo(f: ReviewFinding, recordPath: string): Promise<void> {
    const session = this.host.edits();
    const located = this.host.workspace.locate(recordPath);
    if (!located) throw new UserError(`${recordPath} is not a decision record of this workspace`, recordPath);
    const { record, text } = await session.record(located.record);
    await session.applyPlans({ edits: [{ path: record.path, edits: addGovernsEdits(record, text, f.suggestion.governs) }], creates: [] });
    this.changed();
  }

  /** Acknowledge: an entry in the committed `.adr-review.yml` (created when there is none), with the reason. */
  async acknowledge(f: ReviewFinding, reason: string, by?: string): Promise<vscode.Uri> {
    const session = this.host.edits();
    let path = join(f.repository, CONFIG_FILES[0]);
    let current: string | undefined;
    for (const name of CONFIG_FILES) {
      const found = await session.textIfAny(join(f.repository, name));
      if (found) {
        path = found.path;
        current = found.text;
        break;
      }
    }
    const date = new Date().toISOString().slice(0, 10);
    const edits = acknowledgementEdits(current, f, reason, { ...(by ? { by } : {}), date });
    await session.applyPlans(current === undefined
      ? { edits: [], creates: [{ path, content: applyEdits('', edits) }] }
      : { edits: [{ path, edits }], creates: [] });
    this.changed();
    return vscode.Uri.file(path);
  }
}
