/**
 * What needs attention, kept current with the index: each record's sign-off (read from its text on
 * the disk, as the index read it, once per version of the record), its collection's policy
 * (`.adr-workbench.yml`, read again when one changes), when it became proposed or accepted (the
 * history, in a trusted workspace), and the core's `recordAttention` for today. It feeds the
 * Decisions view's "Needs attention" group (a `TopGroup`), the "awaiting you" status bar item for
 * git's user, and the `reviewDuePaths` context key that shows Mark Reviewed on an open record.
 */
import * as vscode from 'vscode';
import type { AdrRecord } from '../../core/model';
import type { Logger } from '../../core/ports';
import { isoDate } from '../../core/naming';
import { basename } from '../../core/paths';
import { recordLabel } from '../../core/presentation';
import {
  awaits, DEFAULT_POLICY, policyFor, policyRoot, readSignoff, recordAttention, SIGNOFF_CONFIG, statusDates,
  type Person, type RecordAttention, type Signoff, type SignoffPolicy,
} from '../../core/signoff';
import { decodeText } from '../../core/text';
import { Disposable } from '../../platform/lifecycle';
import { noIcons } from '../../platform/markdownText';
import type { Host } from '../../host';
import { COMMANDS, CONTEXT_KEYS, STATUS_ITEMS } from '../../host/ids';
import { affects, readSettings } from '../../host/settings';
import type { TopGroup, TopRow } from '../../host/treeNodes';

/** A record that needs attention, with why. */
export interface AttentionEntry {
  readonly record: AdrRecord;
  readonly attention: RecordAttention;
}

/** Reads git's user of a folder (`user.name`, `user.email`); undefined when unknown or not trusted. */
export type UserOf = (folder: string) => Promise<Person | undefined>;

const RANK = { 'changes-requested': 0, awaiting: 1, 'review-overdue': 2, 'review-due': 3 } as const;

export class NeedsAttention extends Disposable implements TopGroup {
  private readonly emitter = this.register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.emitter.event;
  readonly label = vscode.l10n.t('Needs attention');
  private readonly signoffs = new Map<string, { record: AdrRecord; signoff: Signoff; attention?: { key: string; policy: SignoffPolicy; value: RecordAttention; row?: TopRow } }>();
  private readonly policies = new Map<string, Promise<SignoffPolicy>>();
  private readonly users = new Map<string, Promise<Person | undefined>>();
  private list: readonly AttentionEntry[] = [];
  private rowsByPath = new Map<string, TopRow>();
  private reviewDue = new Set<string>();
  private mine: readonly AttentionEntry[] = [];
  private running: Promise<void> | undefined;
  private again = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  readonly item = this.register(vscode.window.createStatusBarItem(STATUS_ITEMS.attention, vscode.StatusBarAlignment.Left, 39));

  private readonly log: Logger;

  constructor(private readonly host: Host, private readonly userOf: UserOf) {
    super();
    this.log = host.log.for('signoff');
    this.item.name = vscode.l10n.t('Decisions awaiting you');
    this.item.command = COMMANDS.showNeedsAttention[0];
    this.register({ dispose: () => clearTimeout(this.timer) });
    this.register(host.workspace.onDidChange((c) => {
      // A rebuild (Refresh) reads the policies and git's user again too.
      if (c.rebuilt.length > 0 || c.folders) {
        this.policies.clear();
        this.users.clear();
      }
      this.schedule();
    }));
    this.register(host.history.onDidChange(() => this.schedule()));
    this.register(host.files.onDidChange((b) => {
      if (b.changes.some((c) => basename(c.path) === SIGNOFF_CONFIG)) {
        this.policies.clear();
        this.schedule();
      }
    }));
    this.register(vscode.workspace.onDidGrantWorkspaceTrust(() => { this.users.clear(); this.schedule(); }));
    this.register(vscode.workspace.onDidChangeConfiguration((e) => { if (affects(e, 'signoff.statusBar.enabled')) this.showItem(); }));
    this.schedule();
  }

  /** The records that need attention, in order: changes requested, proposals (oldest first), reviews overdue, due. */
  entries(): readonly AttentionEntry[] {
    return this.list;
  }

  /** The proposals that wait for git's user's approval. */
  awaitingYou(): readonly AttentionEntry[] {
    return this.mine;
  }

  rows(): readonly TopRow[] {
    return [...this.rowsByPath.values()];
  }

  contextOf(path: string): string {
    return this.reviewDue.has(path) ? '.reviewDue' : '';
  }

  /** Resolves when what is shown reflects the index as it is now. */
  async settled(): Promise<void> {
    await this.host.workspace.ready;
    for (;;) {
      if (this.timer) {
        clearTimeout(this.timer);
        this.timer = undefined;
        this.recompute();
      }
      const r = this.running;
      if (!r) return;
      await r;
    }
  }

  /** The policy of a collection (read once until `.adr-workbench.yml` changes). */
  policy(collection: string): Promise<SignoffPolicy> {
    let p = this.policies.get(collection);
    if (!p) {
      const root = this.host.workspace.folderOf(collection)?.root ?? collection;
      p = policyRoot(this.host.fs, root).then((top) => policyFor(this.host.fs, collection, collection.startsWith(top) ? top : root)).then((read) => {
        for (const w of read.warnings) this.log.warn(`${read.file ?? SIGNOFF_CONFIG}: ${w}`);
        return read.policy;
      }, () => DEFAULT_POLICY);
      this.policies.set(collection, p);
    }
    return p;
  }

  private user(root: string): Promise<Person | undefined> {
    let u = this.users.get(root);
    if (!u) this.users.set(root, (u = this.userOf(root).catch(() => undefined)));
    return u;
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => { this.timer = undefined; this.recompute(); }, 100);
  }

  private recompute(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.compute().catch((e: unknown) => this.log.error('needs attention', e)).finally(() => {
      this.running = undefined;
      if (this.again) {
        this.again = false;
        this.recompute();
      }
    });
  }

  private async compute(): Promise<void> {
    const today = isoDate(this.host.clock.now());
    const history = this.host.history;
    const out: AttentionEntry[] = [];
    const mine: AttentionEntry[] = [];
    const rows = new Map<AttentionEntry, TopRow>();
    const seen = new Set<string>();
    for (const f of this.host.workspace.all()) {
      if (history.available) history.ensure(f.root);
      const person = await this.user(f.root);
      const records = f.index.records();
      // Texts read in small batches (a record is read again only when the index holds a new version).
      for (let i = 0; i < records.length; i += 32) {
        await Promise.all(records.slice(i, i + 32).map((r) => this.signoffOf(r)));
      }
      for (const r of records) {
        seen.add(r.path);
        const s = this.signoffs.get(r.path);
        if (!s) continue;
        const dates = statusDates(history.peek(r.path)?.events ?? []);
        const policy = await this.policy(r.collection);
        // Computed again only when the record, its policy, the day or its history's dates changed.
        const key = `${today}|${dates.proposed?.date ?? ''}|${dates.accepted?.date ?? ''}`;
        if (s.attention?.key !== key || s.attention.policy !== policy) {
          s.attention = { key, policy, value: recordAttention(r, s.signoff, policy, { today, proposedOn: dates.proposed?.date ?? null, acceptedOn: dates.accepted?.date ?? null }) };
        }
        const attention = s.attention.value;
        if (attention.kinds.length === 0) continue;
        const entry = { record: r, attention };
        rows.set(entry, (s.attention.row ??= rowOf(entry)));
        out.push(entry);
        if (person && awaits(attention, person)) mine.push(entry);
      }
    }
    for (const p of [...this.signoffs.keys()]) if (!seen.has(p)) this.signoffs.delete(p);
    const primary = (e: AttentionEntry) => RANK[e.attention.kinds[0]!];
    const age = (e: AttentionEntry) => -(e.attention.proposal?.ageDays ?? 0);
    out.sort((a, b) => primary(a) - primary(b) || (primary(a) <= 1 ? age(a) - age(b) : (a.attention.state.reviewInDays ?? 0) - (b.attention.state.reviewInDays ?? 0)) || (a.record.path < b.record.path ? -1 : 1));
    const before = JSON.stringify(this.rows()) + JSON.stringify(mine.map((e) => e.record.path));
    this.list = out;
    const awaitingYou = new Set(mine);
    this.mine = out.filter((e) => awaitingYou.has(e));
    this.rowsByPath = new Map(out.map((e) => [e.record.path, rows.get(e)!]));
    this.reviewDue = new Set(out.filter((e) => e.attention.state.review).map((e) => e.record.path));
    void vscode.commands.executeCommand('setContext', CONTEXT_KEYS.reviewDuePaths, [...this.reviewDue]);
    this.showItem();
    if (JSON.stringify(this.rows()) + JSON.stringify(this.mine.map((e) => e.record.path)) !== before) this.emitter.fire();
  }

  private async signoffOf(r: AdrRecord): Promise<void> {
    if (this.signoffs.get(r.path)?.record === r) return;
    try {
      const { text } = decodeText(await this.host.fs.readFile(r.path), r.path);
      this.signoffs.set(r.path, { record: r, signoff: readSignoff(r, text) });
    } catch {
      this.signoffs.delete(r.path);
    }
  }

  /** Whether the status bar item is shown (for tests). */
  get itemShown(): boolean {
    return this.shown;
  }

  private shown = false;

  private showItem(): void {
    const mine = this.mine;
    if (mine.length === 0 || !readSettings().attentionStatusBar) {
      this.item.hide();
      this.shown = false;
      return;
    }
    this.item.text = `$(bell) ${mine.length === 1 ? vscode.l10n.t('1 awaiting you') : vscode.l10n.t('{0} awaiting you', mine.length)}`;
    const md = new vscode.MarkdownString(undefined, true);
    md.appendMarkdown(`**${vscode.l10n.t('Proposals awaiting your approval')}**\n\n`);
    for (const e of mine) md.appendMarkdown(`- ${escape(noIcons(recordLabel(e.record)))} — ${escape(this.rowsByPath.get(e.record.path)?.description ?? '')}\n`);
    this.item.tooltip = md;
    this.item.accessibilityInformation = { label: vscode.l10n.t('{0} proposals awaiting your approval', mine.length) };
    this.item.show();
    this.shown = true;
  }
}

function escape(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!|<>$]/g, '\\$&');
}

const names = (list: readonly string[]) => list.join(', ');

/** The row of a record that needs attention: "proposed 12 d · 1 of 2 approvals · awaiting Alice, Bob". */
export function rowOf(e: AttentionEntry): TopRow {
  const { kinds, state, proposal } = e.attention;
  const parts: string[] = [];
  const why: string[] = [];
  if (kinds.includes('changes-requested')) {
    parts.push(vscode.l10n.t('changes requested by {0}', names(state.changesRequestedBy)));
    why.push(vscode.l10n.t('Changes requested by {0}', names(state.changesRequestedBy)));
  }
  if (proposal) {
    parts.push(proposal.ageDays === null ? vscode.l10n.t('proposed') : vscode.l10n.t('proposed {0} d', proposal.ageDays));
    const approved = state.approvedBy.length;
    if (proposal.needed > 0) parts.push(vscode.l10n.t('{0} of {1} approvals', approved, proposal.needed));
    else if (approved > 0) parts.push(approved === 1 ? vscode.l10n.t('1 approval') : vscode.l10n.t('{0} approvals', approved));
    if (state.awaited.length > 0) parts.push(vscode.l10n.t('awaiting {0}', names(state.awaited)));
    why.push(proposal.since ? vscode.l10n.t('Proposed on {0}', proposal.since) : vscode.l10n.t('Proposed'));
    if (state.approvedBy.length) why.push(vscode.l10n.t('Approved by {0}', names(state.approvedBy)));
    if (state.awaited.length) why.push(vscode.l10n.t('Awaiting {0}', names(state.awaited)));
  }
  const days = state.reviewInDays ?? 0;
  if (kinds.includes('review-overdue')) {
    parts.push(vscode.l10n.t('review overdue {0} d', -days));
    why.push(vscode.l10n.t('Review was due on {0}', state.reviewBy ?? ''));
  } else if (kinds.includes('review-due')) {
    parts.push(days === 0 ? vscode.l10n.t('review due today') : vscode.l10n.t('review due in {0} d', days));
    why.push(vscode.l10n.t('Review due on {0}', state.reviewBy ?? ''));
  }
  const first = kinds[0];
  const icon = first === 'changes-requested' ? { icon: 'request-changes', color: 'problemsWarningIcon.foreground' }
    : first === 'awaiting' ? { icon: 'person' }
      : first === 'review-overdue' ? { icon: 'warning', color: 'problemsWarningIcon.foreground' } : { icon: 'calendar' };
  const description = parts.join(' · ');
  return { path: e.record.path, description, tooltip: why.join(' · '), ...icon, accessibility: description };
}
