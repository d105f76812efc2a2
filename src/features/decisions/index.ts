/** The Decisions view: records grouped, filtered, following the active editor. */
export { DecisionsTree, registerDecisionsView, VIEW_ID } from './decisionsTree';
