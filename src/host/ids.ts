/**
 * Every id the extension shares with package.json: commands (with the title messages name them
 * by), views, context keys and status bar items. Code names these constants, never the strings.
 */

/** Command ids (`contributes.commands`) and their titles. */
export const COMMANDS = {
  newDecision: ['adrWorkbench.newDecision', 'New Decision'],
  newDecisionHere: ['adrWorkbench.newDecisionHere', 'New Decision'],
  changeStatus: ['adrWorkbench.changeStatus', 'Change Status'],
  approveDecision: ['adrWorkbench.approveDecision', 'Approve Decision'],
  markReviewed: ['adrWorkbench.markReviewed', 'Mark Reviewed'],
  showNeedsAttention: ['adrWorkbench.showNeedsAttention', 'Show Decisions Needing Attention'],
  supersede: ['adrWorkbench.supersede', 'Supersede'],
  link: ['adrWorkbench.link', 'Amend / Link'],
  rename: ['adrWorkbench.rename', 'Rename Decision'],
  openDecision: ['adrWorkbench.openDecision', 'Open Decision'],
  regenerateIndex: ['adrWorkbench.regenerateIndex', 'Regenerate Index'],
  lint: ['adrWorkbench.lint', 'Lint Decisions'],
  initCollection: ['adrWorkbench.initCollection', 'Initialize Collection'],
  treeGroupBy: ['adrWorkbench.tree.groupBy', 'Group By'],
  treeFilter: ['adrWorkbench.tree.filter', 'Filter Decisions'],
  treeClearFilter: ['adrWorkbench.tree.clearFilter', 'Clear Filter'],
  treeRefresh: ['adrWorkbench.tree.refresh', 'Refresh'],
  treeRevealActive: ['adrWorkbench.tree.revealActive', 'Reveal Active Decision'],
  reviewShow: ['adrWorkbench.review.show', 'Show Architecture Review'],
  reviewRefresh: ['adrWorkbench.review.refresh', 'Review Working Change'],
  reviewAction: ['adrWorkbench.review.action', 'Architecture Review'],
  linkSelection: ['adrWorkbench.linkSelection', 'Link Selection to Decision'],
  recordFromSelection: ['adrWorkbench.recordFromSelection', 'Record Decision from Selection'],
  findCodeReferences: ['adrWorkbench.findCodeReferences', 'Find Code References'],
  openRecords: ['adrWorkbench.codeLinks.openRecords', 'Open Decision'],
  showHistory: ['adrWorkbench.showHistory', 'Show Decision History'],
  graphShow: ['adrWorkbench.graph.show', 'Show Decision Graph'],
  graphShowRecord: ['adrWorkbench.graph.showRecord', 'Show in Graph'],
  catalogOpen: ['adrWorkbench.catalog.open', 'Open Catalogue'],
  catalogClose: ['adrWorkbench.catalog.close', 'Close Catalogue'],
  catalogOpenOnWeb: ['adrWorkbench.catalog.openOnWeb', 'Open on Web'],
} as const satisfies Record<string, readonly [string, string]>;

export type CommandKey = keyof typeof COMMANDS;

/** View ids (`contributes.views`). */
export const VIEWS = {
  decisions: 'adrWorkbench.decisions',
  fileDecisions: 'adrWorkbench.fileDecisions',
  review: 'adrWorkbench.review',
} as const;

/** Webview panel types (editor tabs; not in `contributes`). */
export const PANELS = {
  graph: 'adrWorkbench.graph',
} as const;

/** Context keys set with `setContext` (read by `when` clauses in package.json). */
export const CONTEXT_KEYS = {
  ready: 'adrWorkbench.ready',
  hasCollections: 'adrWorkbench.hasCollections',
  filtered: 'adrWorkbench.filtered',
  recordPaths: 'adrWorkbench.recordPaths',
  collectionFolders: 'adrWorkbench.collectionFolders',
  hasCatalogs: 'adrWorkbench.hasCatalogs',
  /** Records whose review is due or overdue (paths). */
  reviewDuePaths: 'adrWorkbench.reviewDuePaths',
} as const;

/** `viewItem` values of tree rows (a record row is `record.<status>`). */
export const VIEW_ITEMS = {
  record: 'adrWorkbench.record',
  collection: 'adrWorkbench.collection',
  group: 'adrWorkbench.group',
  governedCode: 'adrWorkbench.governedCode',
  /** A catalogue's rows (read-only: never `record…`, so no editing action applies). */
  catalog: 'adrWorkbench.catalog',
  catalogSource: 'adrWorkbench.catalogSource',
  catalogRecord: 'adrWorkbench.catalogRecord',
  /** A catalogue record whose export knows its web address. */
  catalogRecordWeb: 'adrWorkbench.catalogRecord.web',
  catalogLink: 'adrWorkbench.catalogLink',
  catalogProblem: 'adrWorkbench.catalogProblem',
} as const;

/** Status bar item ids. */
export const STATUS_ITEMS = {
  recordStatus: 'adrWorkbench.status',
  review: 'adrWorkbench.review',
  attention: 'adrWorkbench.attention',
} as const;

/** Diagnostic collection names. */
export const DIAGNOSTICS = {
  documents: 'adr-workbench',
  lint: 'adr-workbench-lint',
  links: 'adr-workbench-links',
  review: 'adr-workbench-review',
} as const;

/** The workspace-state key of the tree's grouping. */
export const STATE_KEYS = {
  groupBy: 'adrWorkbench.tree.groupBy',
  /** The catalogue files opened with Open Catalogue (URIs). */
  catalogsOpened: 'adrWorkbench.catalogs.opened',
} as const;

/** The MCP server definition provider (`contributes.mcpServerDefinitionProviders`). */
export const MCP_PROVIDER_ID = 'adrWorkbench.mcp';
