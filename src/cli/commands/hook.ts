/**
 * `hook install`: adds the pre-commit hook that runs `adr-workbench check --staged`. An existing hook is
 * kept and chained (renamed to pre-commit.pre-adr-workbench, run first); installing again is a no-op.
 * The hooks folder honours `core.hooksPath` (husky and friends) and linked work trees.
 */
import { chmod } from 'node:fs/promises';
import { UserError } from '../../core/errors';
import { normalize, toPosix } from '../../core/paths';
import { gitOk, locateRepository, planHook } from '../../core/review';
import { join } from '../../core/paths';
import { NodeGit } from '../../platform/git';
import { parse, str, UsageError } from '../args';
import { EXIT_OK, type CliIO } from '../io';
import { inRepo } from './review';

export async function hookCommand(args: readonly string[], io: CliIO): Promise<number> {
  const p = parse('hook', args, { command: { type: 'string' } });
  if (p.positionals[0] !== 'install' || p.positionals.length > 1) throw new UsageError('hook: the only subcommand is "install"');
  const git = new NodeGit();
  const found = await locateRepository(git, io.fs, io.cwd);
  if (!found.repository) throw new UserError(found.problem ? `hook: ${found.problem}` : 'hook: not a git repository');
  const root = found.repository.root;
  // core.hooksPath as the repository configures it (our own commands override it with a "command" scope value).
  const scoped = await git.run(root, ['config', '--show-scope', '--get-all', 'core.hooksPath']);
  const configured = scoped.stdout.split('\n').filter((l) => l && !l.startsWith('command\t')).map((l) => l.slice(l.indexOf('\t') + 1)).pop();
  const hooksDir = configured
    ? inRepo(root, toPosix(configured.replace(/^~(?=\/)/, io.env.HOME ?? '~')))
    : join(normalize(toPosix((await gitOk(git, root, ['rev-parse', '--path-format=absolute', '--git-common-dir'])).trim())), 'hooks');
  const hookPath = join(hooksDir, 'pre-commit');
  const read = async (path: string) => {
    try {
      return new TextDecoder().decode(await io.fs.readFile(path));
    } catch {
      return undefined;
    }
  };
  const existing = await read(hookPath);
  const chainedPath = join(hooksDir, 'pre-commit.pre-adr-workbench');
  let plan;
  try {
    plan = planHook(existing, (await io.fs.stat(chainedPath)) !== undefined, str(p, 'command'));
  } catch (e) {
    throw new UserError(`hook: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (plan.action === 'unchanged') {
    io.stdout(`${hookPath}: already installed\n`);
    return EXIT_OK;
  }
  await io.fs.mkdir(hooksDir);
  if (plan.action === 'chain') {
    await io.fs.rename(hookPath, chainedPath);
    io.stdout(`${hookPath}: existing hook kept as ${chainedPath} and run first\n`);
  }
  await io.fs.writeFile(hookPath, new TextEncoder().encode(plan.script));
  await chmod(hookPath, 0o755);
  io.stdout(`${hookPath}: installed\n`);
  return EXIT_OK;
}
