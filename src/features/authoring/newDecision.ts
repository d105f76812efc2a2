/**
 * New Decision: collection (when several), title, template, status, records it supersedes, records
 * it links to (and how), asked as one multi-step flow; any of them may come in the argument object
 * instead. The record is created by core `createRecord` (an exclusive create: nothing is ever
 * overwritten); the edits it implies for the other records are one undoable `WorkspaceEdit`,
 * planned against what their editors show. The new record opens with its first section selected.
 */
import * as vscode from 'vscode';
import { createRecord, verbFor, type LinkRequest } from '../../core/edit';
import { FileNotFoundError, UserError } from '../../core/errors';
import type { AdrRecord, Collection } from '../../core/model';
import { builtin, defaultTemplateKind, resolveTemplate, TEMPLATE_KINDS, templateInfo, type TemplateKind } from '../../core/templates';
import { applyEdits } from '../../core/text';
import type { Host } from '../../host';
import type { NewDecisionArgs, NewDecisionOptions, TemplateArg } from '../../host/contracts';
import { runFlow } from '../../host/flow';
import { collectionItems, nonEmpty, pickStatus, pickVerbPair, recordItems, type VerbPair } from '../../host/pickers';
import { BACK, type PickItem, type Prompter } from '../../host/prompter';
import { readSettings } from '../../host/settings';
import { findCollection, findRecord } from '../../host/targets';
import { firstBodySpan, statusForTemplate } from './authoring';

export type { NewDecisionArgs, TemplateArg } from '../../host/contracts';

interface State {
  readonly collection?: Collection;
  readonly title?: string;
  readonly template?: TemplateArg;
  readonly status?: string;
  readonly supersedes?: readonly AdrRecord[];
  readonly links?: readonly AdrRecord[];
  readonly verbs?: VerbPair;
}

const TITLE = vscode.l10n.t('New Decision');

/** Runs New Decision; resolves with the new record's URI. Offers Initialize Collection when there is no collection. */
export async function newDecision(host: Host, prompter: Prompter, args: NewDecisionArgs, init: () => Promise<unknown>, options: NewDecisionOptions = {}): Promise<vscode.Uri | undefined> {
  const collections = host.workspace.collections();
  if (collections.length === 0 && args.collection === undefined) {
    if (await prompter.confirm(vscode.l10n.t('This workspace has no decision record collection yet. Create one?'), vscode.l10n.t('Initialize Collection'))) await init();
    return undefined;
  }
  const fixed: State = {
    ...(args.collection !== undefined ? { collection: findCollection(host.workspace, args.collection) } : collections.length === 1 ? { collection: collections[0]!.collection } : {}),
    ...(args.title !== undefined ? { title: args.title } : {}),
  };
  const settings = (c: Collection | undefined) => readSettings(c ? vscode.Uri.file(c.path) : undefined);
  const recordsOf = (c: Collection | undefined) => {
    const folder = c ? host.workspace.folderOf(c.path) : undefined;
    const all = folder ? [...folder.index.records()] : host.workspace.records();
    // The collection's own records first.
    return [...all.filter((r) => r.collection === c?.path), ...all.filter((r) => r.collection !== c?.path)];
  };
  const interactive = args.title === undefined;
  const ask = (given: unknown) => interactive && given === undefined;
  const state = await runFlow<State>([
    {
      when: () => fixed.collection === undefined,
      ask: async (s, step) => {
        const c = await prompter.pick(collectionItems(host.workspace, collections), { title: TITLE, step, placeholder: vscode.l10n.t('Collection'), ...(s.collection ? { active: s.collection } : {}) });
        return c === undefined || c === BACK ? c : { ...s, collection: c };
      },
    },
    {
      when: () => args.title === undefined,
      ask: async (s, step) => {
        const title = await prompter.input({ title: TITLE, step, prompt: vscode.l10n.t('Title of the decision'), placeholder: vscode.l10n.t('Use PostgreSQL for persistence'), value: s.title ?? '', validate: nonEmpty });
        return title === undefined || title === BACK ? title : { ...s, title: title.trim() };
      },
    },
    {
      when: () => ask(args.template),
      ask: async (s, step) => {
        const items = templateItems(s.collection!);
        const preferred = s.template ?? settings(s.collection).defaultTemplate;
        const t = await prompter.pick(items, { title: TITLE, step, placeholder: vscode.l10n.t('Template'), active: items.some((i) => i.value === preferred) ? preferred : items[0]!.value });
        return t === undefined || t === BACK ? t : { ...s, template: t };
      },
    },
    {
      when: () => ask(args.status),
      ask: async (s, step) => {
        const status = await pickStatus(prompter, { title: TITLE, step, active: s.status ?? settings(s.collection).defaultStatus });
        return status === undefined || status === BACK ? status : { ...s, status };
      },
    },
    {
      when: (s) => ask(args.supersedes) && recordsOf(s.collection).length > 0,
      ask: async (s, step) => {
        const items = recordItems(host.workspace, recordsOf(s.collection)).map((i) => ({ ...i, picked: s.supersedes?.includes(i.value) ?? false }));
        const picked = await prompter.pickMany(items, { title: TITLE, step, placeholder: vscode.l10n.t('Decisions it supersedes (none: press Enter)') });
        return picked === undefined || picked === BACK ? picked : { ...s, supersedes: picked };
      },
    },
    {
      when: (s) => ask(args.links) && recordsOf(s.collection).length > 0,
      ask: async (s, step) => {
        const items = recordItems(host.workspace, recordsOf(s.collection).filter((r) => !s.supersedes?.includes(r))).map((i) => ({ ...i, picked: s.links?.includes(i.value) ?? false }));
        const picked = await prompter.pickMany(items, { title: TITLE, step, placeholder: vscode.l10n.t('Decisions it links to (none: press Enter)') });
        return picked === undefined || picked === BACK ? picked : { ...s, links: picked };
      },
    },
    {
      when: (s) => ask(args.links) && (s.links?.length ?? 0) > 0,
      ask: async (s, step) => {
        const verbs = await pickVerbPair(prompter, { title: TITLE, step });
        return verbs === undefined || verbs === BACK ? verbs : { ...s, verbs };
      },
    },
  ], fixed);
  return create(host, state, args, options);
}

function templateItems(c: Collection): PickItem<TemplateArg>[] {
  const own = c.templatePath ? `its template file (${c.templatePath.slice(c.path.length + 1)})` : `${templateInfo(defaultKind(c)).label}, its format's`;
  return [
    { label: "The collection's template", description: own, value: 'collection' },
    ...TEMPLATE_KINDS.filter((k): k is Exclude<TemplateKind, 'custom'> => k !== 'custom').map((k) => ({ label: templateInfo(k).label, value: k })),
  ];
}

function defaultKind(c: Collection): Exclude<TemplateKind, 'custom'> {
  return defaultTemplateKind(c.dialect);
}

async function create(host: Host, s: State, args: NewDecisionArgs, options: NewDecisionOptions): Promise<vscode.Uri> {
  const collection = s.collection!;
  const session = host.edits();
  const choice = (args.template ?? s.template ?? readSettings(vscode.Uri.file(collection.path)).defaultTemplate);
  const template = await resolveTemplate(host.fs, collection, choice === 'collection' ? {} : { kind: choice }).catch((e: unknown) => {
    // A configured template file that is gone should not block a new record (core's createRecord does the same).
    if (!(e instanceof FileNotFoundError)) throw e;
    return builtin(defaultKind(collection));
  });
  const status = statusForTemplate(args.status ?? s.status ?? readSettings(vscode.Uri.file(collection.path)).defaultStatus, template.defaultStatus);
  const supersedes = await session.records(args.supersedes ? args.supersedes.map((r) => findRecord(host.workspace, r).record) : s.supersedes ?? []);
  const links: LinkRequest[] = [];
  if (args.links) {
    for (const l of args.links) {
      const target = await session.record(findRecord(host.workspace, l.target).record);
      links.push({ target, verb: l.verb ?? verbFor('relates', template.dialect), reverseVerb: l.reverseVerb ?? l.verb ?? verbFor('relates', target.record.dialect) });
    }
  } else {
    for (const r of s.links ?? []) {
      const target = await session.record(r);
      links.push({ target, ...linkVerbs(s.verbs ?? { type: 'relates' }, template.dialect, target.record.dialect) });
    }
  }
  // New records follow the line breaks of the collection's records.
  const sibling = host.workspace.folderOf(collection.path)?.index.records(collection.path)[0];
  const created = await createRecord(host.fs, host.clock, collection, {
    title: s.title ?? args.title ?? '',
    template,
    status,
    supersedes,
    links,
    ...(args.date ? { date: args.date } : {}),
    ...(sibling ? { eol: sibling.eol } : {}),
    // What the caller adds (a review's governs and context, a quoted selection) is in the one write.
    ...(options.finish ? { finish: (content: string, path: string) => applyEdits(content, options.finish!(host.documents.parse(content, path, { collection: collection.path }), content)) } : {}),
  });
  const uri = vscode.Uri.file(created.path);
  try {
    await session.applyPlans(created.plan);
  } catch (e) {
    throw new UserError(`Created ${created.path}, but the records it relates to were not updated: ${e instanceof Error ? e.message : String(e)}`, created.path);
  }
  if (args.open !== false) {
    const record = host.documents.parse(created.content, created.path, { collection: collection.path });
    const doc = await vscode.workspace.openTextDocument(uri);
    const span = firstBodySpan(record, doc.getText() === created.content ? created.content : doc.getText());
    await vscode.window.showTextDocument(doc, { selection: new vscode.Range(doc.positionAt(span.start), doc.positionAt(span.end)) });
  }
  return uri;
}

/** The verbs of a link from a new record (written in `dialect`) to a record of `targetDialect`. */
function linkVerbs(pair: VerbPair, dialect: AdrRecord['dialect'], targetDialect: AdrRecord['dialect']): { verb: string; reverseVerb: string } {
  switch (pair.type) {
    case 'custom':
      return { verb: pair.verb, reverseVerb: pair.reverseVerb };
    case 'amends':
      return { verb: verbFor('amends', dialect), reverseVerb: verbFor('amended-by', targetDialect) };
    case 'clarifies':
      return { verb: verbFor('clarifies', dialect), reverseVerb: verbFor('clarified-by', targetDialect) };
    case 'relates':
      return { verb: verbFor('relates', dialect), reverseVerb: verbFor('relates', targetDialect) };
  }
}
