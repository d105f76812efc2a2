/**
 * The Decision Digest page: "ADR: Show Decision Digest…" (palette, the Decisions view's "…" menu)
 * opens an editor tab on the shared webview host with a period picker. Each period the page picks is
 * digested here, in the extension host, by core's `collectDigest` over the workspace folder's git
 * (the safe runner, platform `NodeGit`: no hooks, filters, fsmonitor or fetches; never in Restricted
 * Mode) and posted to the page as the sections every format renders. "Copy as Markdown" copies core's
 * markdown format of the digest shown; a record's link opens it in the editor.
 */
import * as vscode from 'vscode';
import { collectDigest, formatDigestMarkdown, parseSince, type Digest } from '../../core/digest';
import { UserError } from '../../core/errors';
import { join } from '../../core/paths';
import { isoDate } from '../../core/naming';
import { GitCommandError, GitUnavailableError } from '../../core/review/git';
import { DEFAULT_POLICY, policyFor, policyRoot, type SignoffPolicy } from '../../core/signoff';
import type { Host } from '../../host';
import type { FolderIndex } from '../../host/decisionWorkspace';
import { PANELS } from '../../host/ids';
import { WebviewPanelHost } from '../../host/webviewHost';
import { NodeGit } from '../../platform/git';
import { NodeWorkTree } from '../../platform/workTree';
import {
  DEFAULT_PERIOD, parseFromWebview, parsePeriod, periodProblem, sinceText, type DigestState, type FromWebview, type Period, type ToWebview,
} from '../../webviews/digest/protocol';
import { digestView, recordPaths } from './model';

export interface DigestFeature {
  /** The state last posted to the page (undefined before the page first opened). */
  readonly state: DigestState | undefined;
  /** The digest the page was last given (status ready), with the folder it is of. */
  readonly digest: { readonly digest: Digest; readonly root: string } | undefined;
  /** Fires after each state posted to the page. */
  readonly onDidPost: vscode.Event<DigestState>;
  readonly panel: WebviewPanelHost<ToWebview, FromWebview>;
}

const samePeriod = (a: Period, b: Period) => a.kind === b.kind && a.value === b.value && a.until === b.until;

/** The first line of an error's message. */
const oneLine = (e: unknown) => (e instanceof Error ? e.message : String(e)).split('\n')[0]!.trim();

export function registerDigest(context: vscode.ExtensionContext, host: Host): DigestFeature {
  const { runner, workspace } = host;
  const log = host.log.for('digest');
  const panel = new WebviewPanelHost<ToWebview, FromWebview>(context.extensionUri, {
    viewType: PANELS.digest, title: vscode.l10n.t('Decision Digest'), script: 'digest.js', style: 'digest.css', icon: 'decisions.svg',
    parse: parseFromWebview, isReady: (m) => m.type === 'ready',
  });
  const posted = new vscode.EventEmitter<DigestState>();
  let period: Period = DEFAULT_PERIOD;
  /** A period the command asked for before the page was ready. */
  let asked: Period | undefined;
  let state: DigestState | undefined;
  let current: { digest: Digest; root: string } | undefined;
  let revision = 0;
  let running = 0;

  const post = (s: Omit<DigestState, 'revision'>) => {
    state = { ...s, revision: ++revision };
    panel.post({ type: 'state', state });
    posted.fire(state);
  };

  /** The folder digested: the active record's, else the first with decision records. */
  const folder = (): FolderIndex | undefined => {
    const uri = vscode.window.activeTextEditor?.document.uri;
    const active = uri?.scheme === 'file' ? workspace.folderOf(uri.fsPath.replace(/\\/g, '/')) : undefined;
    if (active && active.index.collections.length > 0) return active;
    return workspace.all().find((f) => f.index.collections.length > 0);
  };

  const policies = async (root: string, collections: readonly string[]): Promise<Map<string, SignoffPolicy>> => {
    const out = new Map<string, SignoffPolicy>();
    const top = await policyRoot(host.fs, root);
    for (const c of collections) {
      if (out.has(c)) continue;
      const read = await policyFor(host.fs, c, c.startsWith(top) ? top : c);
      for (const w of read.warnings) log.warn(w);
      out.set(c, read.policy);
    }
    return out;
  };

  /** Digests `p` and posts it (loading first); a run overtaken by a newer one posts nothing. */
  const run = async (p: Period): Promise<void> => {
    period = p;
    const mine = ++running;
    const problem = periodProblem(p);
    if (problem) {
      post({ status: 'error', period: p, folder: state?.folder ?? '', message: problem });
      return;
    }
    if (!vscode.workspace.isTrusted) {
      post({ status: 'none', period: p, folder: '', message: vscode.l10n.t('The digest reads git history: trust this workspace to see it.') });
      return;
    }
    await workspace.ready;
    const f = folder();
    if (!f) {
      post({ status: 'none', period: p, folder: '', message: vscode.l10n.t('No decision records in this workspace: nothing to digest.') });
      return;
    }
    post({ status: 'loading', period: p, folder: f.folder.name });
    try {
      const since = sinceText(p);
      const pol = await policies(f.root, f.index.collections.map((c) => c.path));
      const started = Date.now();
      const { digest } = await collectDigest(new NodeGit(), host.fs, new NodeWorkTree(), {
        folder: f.root, since: parseSince(since), sinceText: since, ...(p.until ? { until: p.until } : {}), today: isoDate(host.clock.now()),
        index: f.index, policyOf: (c) => pol.get(c) ?? DEFAULT_POLICY,
      });
      if (mine !== running) return;
      log.info(`digest of ${since}${p.until ? `..${p.until}` : ''} in ${f.folder.name}: ${digest.period.commits} commits in ${Date.now() - started} ms`);
      current = { digest, root: f.root };
      post({ status: 'ready', period: p, folder: f.folder.name, digest: digestView(digest) });
    } catch (e) {
      if (mine !== running) return;
      if (!(e instanceof UserError || e instanceof GitCommandError || e instanceof GitUnavailableError)) log.error('digest failed', e);
      current = undefined;
      post({ status: 'error', period: p, folder: f.folder.name, message: vscode.l10n.t('No digest: {0}', oneLine(e)) });
    }
  };

  const show = async (arg: unknown) => {
    const p = arg === undefined ? undefined : parsePeriod(arg);
    if (p) {
      const problem = periodProblem(p);
      if (problem) throw new UserError(problem);
    }
    const wasReady = panel.isReady;
    panel.show(vscode.ViewColumn.Active);
    if (wasReady) await run(p ?? period);
    else asked = p;
  };

  const onMessage = async (m: FromWebview) => {
    switch (m.type) {
      case 'ready': {
        const p = asked ?? m.period ?? period;
        const again = !asked && state !== undefined && state.status !== 'loading' && samePeriod(state.period, p);
        asked = undefined;
        // The page reloaded (its frame was re-created) on the period shown: the same state again, not a new read.
        if (again) {
          log.info('the page reloaded: its digest posted again');
          post({ ...state! });
          return;
        }
        await run(p);
        return;
      }
      case 'run': await run(m.period); return;
      case 'refresh': await run(period); return;
      case 'copy': {
        if (!current) throw new UserError(vscode.l10n.t('There is no digest to copy yet.'));
        await vscode.env.clipboard.writeText(formatDigestMarkdown(current.digest));
        void vscode.window.showInformationMessage(vscode.l10n.t('Copied the decision digest as Markdown.'));
        return;
      }
      case 'open': {
        // Only records the digest shown names (the page is not trusted to name anything else).
        if (!current || !recordPaths(current.digest).has(m.path)) throw new UserError(vscode.l10n.t('That record is not in the digest shown; refresh it.'));
        const path = join(current.root, m.path);
        // A record the period's history names may be gone from the work tree since.
        if (!(await host.fs.stat(path).catch(() => undefined))) throw new UserError(vscode.l10n.t('{0} is no longer in the workspace.', m.path));
        const column = panel.column === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One;
        await vscode.window.showTextDocument(vscode.Uri.file(path), { viewColumn: column, preview: true });
        return;
      }
    }
  };

  context.subscriptions.push(
    panel,
    posted,
    panel.onMessage((m) => {
      // The page's requests run as the command would: errors become one message and a log line.
      void runner.runCommand('digestShow', () => onMessage(m));
    }),
    panel.onDidClose(() => { current = undefined; state = undefined; asked = undefined; running++; }),
    runner.register('digestShow', show),
  );
  return {
    get state() { return state; },
    get digest() { return current; },
    onDidPost: posted.event,
    panel,
  };
}
