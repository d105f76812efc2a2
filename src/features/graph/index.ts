/**
 * The Decision Graph: an editor tab showing every record as a node and every relation as a labelled
 * edge, laid out in the page (see `src/webviews/graph/main.ts`). Commands: Show Decision Graph
 * (palette, the Decisions view's toolbar, a record row's context menu) and Show in Graph (an open
 * record's editor title and context menus). The graph follows the index's change events and the
 * active editor; the page asks for a record's first paragraph when it is hovered.
 */
import * as vscode from 'vscode';
import { UserError } from '../../core/errors';
import { basename, dirname, join } from '../../core/paths';
import type { Host } from '../../host';
import type { FromWebview } from '../../webviews/graph/protocol';
import { GraphPanel } from './graphPanel';
import { firstParagraph, showTarget, workspaceGraph, type WorkspaceGraph } from './model';

/** What the graph needs from other features, handed in by the composition root. */
export interface GraphDeps {
  /** Selects the record in the Decisions view; false when it is not there. */
  readonly revealInDecisions: (uri: vscode.Uri) => Promise<boolean>;
}

/** What the page measured laying out a graph. */
export type LayoutReport = Extract<FromWebview, { type: 'layout' }>;

export interface GraphFeature {
  readonly panel: GraphPanel;
  /** The graph last posted (undefined before the panel first opened). */
  readonly current: WorkspaceGraph | undefined;
  /** Layouts the page reported, newest last (tests and the benchmark read them). */
  readonly layouts: readonly LayoutReport[];
  readonly onDidLayout: vscode.Event<LayoutReport>;
}

export function registerGraph(context: vscode.ExtensionContext, host: Host, deps: GraphDeps): GraphFeature {
  const { runner, workspace } = host;
  const panel = new GraphPanel(context.extensionUri);
  const layoutEmitter = new vscode.EventEmitter<LayoutReport>();
  const layouts: LayoutReport[] = [];
  const expand = new Set<string>();
  let current: WorkspaceGraph | undefined;
  let revision = 0;
  let pendingSelect: string | undefined;

  const build = () => {
    current = workspaceGraph(workspace.all().map((f) => ({ name: f.folder.name, source: f.index })), expand);
    return current;
  };
  const postGraph = () => {
    if (!panel.isReady) return;
    const g = build();
    const indexing = workspace.isIndexing && g.graph.nodes.length === 0 ? 'Indexing decision records…' : undefined;
    panel.post({ type: 'graph', graph: g.graph, revision: ++revision, ...(indexing ? { message: indexing } : {}) });
    postActive();
    if (pendingSelect !== undefined) {
      const id = g.ids.get(pendingSelect);
      if (id) {
        panel.post({ type: 'select', id });
        pendingSelect = undefined;
      }
    }
  };
  const activeId = (): string | null => {
    const uri = vscode.window.activeTextEditor?.document.uri;
    if (!uri || uri.scheme !== 'file' || !current) return null;
    const located = workspace.locate(uri);
    return located ? current.ids.get(located.record.path) ?? null : null;
  };
  let lastActive: string | null = null;
  const postActive = () => {
    const id = activeId();
    // An editor that is not a record (the graph's own tab, say) keeps the last record highlighted.
    if (id === null && vscode.window.activeTextEditor?.document.uri.scheme === 'file' && !workspace.locate(vscode.window.activeTextEditor.document.uri)) lastActive = null;
    else if (id !== null) lastActive = id;
    panel.post({ type: 'active', id: lastActive });
  };

  /** Opens (or reveals) the graph; with a record's path, selects and centres it. */
  const show = async (arg: unknown, needRecord: boolean) => {
    let target = showTarget(arg);
    if (target.kind === 'invalid') throw new UserError('Show Decision Graph takes a decision record (a Decisions row or a record file), or nothing.');
    if (target.kind === 'none' && needRecord) {
      const uri = vscode.window.activeTextEditor?.document.uri;
      target = uri && uri.scheme === 'file' ? { kind: 'path', path: uri.fsPath.replace(/\\/g, '/') } : target;
    }
    let path: string | undefined;
    if (target.kind === 'path') {
      await workspace.ready;
      const located = workspace.locate(target.path);
      if (!located) throw new UserError(`${basename(target.path)} is not a decision record.`);
      path = located.record.path;
    } else if (needRecord) throw new UserError('The active editor is not a decision record.');
    // Beside the record it was opened from; else in the active column.
    const column = vscode.window.activeTextEditor && path ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
    pendingSelect = path;
    const wasReady = panel.isReady;
    panel.show(column);
    if (wasReady && path !== undefined && current) {
      const id = current.ids.get(path);
      if (id) {
        panel.post({ type: 'select', id });
        pendingSelect = undefined;
      }
    }
  };

  const recordPath = (id: string) => {
    const path = current?.paths.get(id);
    if (!path) throw new UserError('That record is no longer in the graph; it was moved or deleted.');
    return path;
  };

  const onMessage = async (m: FromWebview) => {
    switch (m.type) {
      case 'ready': await workspace.ready; postGraph(); return;
      case 'open': {
        const uri = vscode.Uri.file(recordPath(m.id));
        // Beside the graph, so the graph stays in view.
        const column = panel.column === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One;
        await vscode.window.showTextDocument(uri, { viewColumn: column, preview: true, preserveFocus: false });
        return;
      }
      case 'reveal': {
        const uri = vscode.Uri.file(recordPath(m.id));
        if (!(await deps.revealInDecisions(uri))) throw new UserError('The record is not in the Decisions view (its filter may hide it).');
        return;
      }
      case 'details': {
        const path = current?.paths.get(m.id);
        const located = path ? workspace.locate(path) : undefined;
        if (!located) return;
        let paragraph = '';
        try {
          paragraph = firstParagraph((await host.documents.text(located.record.path)).text, located.record);
        } catch {
          // unreadable now: the hover shows the title, status and date
        }
        panel.post({ type: 'details', id: m.id, paragraph });
        return;
      }
      case 'expandCode': {
        // Only records of the graph shown (the page is not trusted to name anything else).
        if (!current?.paths.has(m.id)) return;
        if (m.expand) expand.add(m.id);
        else expand.delete(m.id);
        postGraph();
        return;
      }
      case 'export': {
        if (m.format === 'svg') {
          await save(Buffer.from(m.text, 'utf8'), 'svg', 'SVG image');
          return;
        }
        await vscode.env.clipboard.writeText(m.text);
        void vscode.window.showInformationMessage(m.format === 'dot' ? vscode.l10n.t('Copied the decision graph as Graphviz DOT.') : vscode.l10n.t('Copied the decision graph as Mermaid.'));
        return;
      }
      case 'png': await save(Buffer.from(m.data, 'base64'), 'png', 'PNG image'); return;
      case 'layout':
        layouts.push(m);
        if (layouts.length > 50) layouts.shift();
        layoutEmitter.fire(m);
        host.log.for('graph').info(`laid out ${m.nodes} nodes and ${m.edges} edges in ${m.ms.toFixed(0)} ms (${m.reused} parts reused, ${m.laidOut} laid out)`);
        return;
    }
  };

  const save = async (bytes: Uint8Array, ext: 'svg' | 'png', label: string) => {
    const folder = workspace.all()[0]?.folder.uri;
    const uri = await vscode.window.showSaveDialog({
      title: vscode.l10n.t('Export the Decision Graph as {0}', label),
      filters: { [label]: [ext] },
      ...(folder ? { defaultUri: vscode.Uri.file(join(folder.fsPath.replace(/\\/g, '/'), `decision-graph.${ext}`)) } : {}),
    });
    if (!uri) return;
    await vscode.workspace.fs.createDirectory(vscode.Uri.file(dirname(uri.fsPath.replace(/\\/g, '/'))));
    await vscode.workspace.fs.writeFile(uri, bytes);
    void vscode.window.showInformationMessage(vscode.l10n.t('Saved the decision graph to {0}.', basename(uri.fsPath.replace(/\\/g, '/'))));
  };

  context.subscriptions.push(
    panel,
    layoutEmitter,
    panel.onMessage((m) => {
      // The page's requests run as the command would: errors become one message and a log line.
      if (m.type === 'ready' || m.type === 'layout' || m.type === 'details') void onMessage(m).catch((e: unknown) => host.log.for('graph').error('graph page request failed', e));
      else void runner.runCommand('graphShow', () => onMessage(m));
    }),
    panel.onDidClose(() => { current = undefined; pendingSelect = undefined; }),
    workspace.onDidChange(() => { if (panel.isOpen) postGraph(); }),
    vscode.window.onDidChangeActiveTextEditor(() => { if (panel.isOpen) postActive(); }),
    runner.register('graphShow', (arg: unknown) => show(arg, false)),
    runner.register('graphShowRecord', (arg: unknown) => show(arg, true)),
  );
  return {
    panel,
    get current() { return current; },
    layouts,
    onDidLayout: layoutEmitter.event,
  };
}
