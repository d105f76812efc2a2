// Entry point of the multi-root suite: the same mocha runner as test/integration, loading the
// bundled `*.test.js` beside this file (out/test/integration-multiroot). Opened over the
// `.code-workspace` that scripts/real-editor/workspace.mjs (assembleMultiRootWorkspace) makes.
export { run } from '../integration/index';
