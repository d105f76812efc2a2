/**
 * `hook install`: adds the pre-commit hook that runs `adr-workbench check --staged`. An existing hook is
 * kept and chained (renamed to pre-commit.pre-adr-workbench, run first); our own hook edited since is
 * kept as a backup; installing again is a no-op. The hooks folder honours `core.hooksPath` (husky and
 * friends) and linked work trees — but a `core.hooksPath` from the global config (every repository's
 * hooks) is used only with `--global`, and a repository-level one pointing outside the repository is refused.
 */
import { chmod, lstat } from 'node:fs/promises';
import { UserError } from '../../core/errors';
import { join, normalize, toPosix } from '../../core/paths';
import { CHAINED_HOOK, gitOk, locateRepository, planHook } from '../../core/review';
import { visibleField } from '../../core/terminal';
import { NodeGit } from '../../platform/git';
import { flag, parse, str, UsageError } from '../args';
import { EXIT_OK, type CliIO } from '../io';
import { inRepo } from './review';

const within = (path: string, folder: string) => path === folder || path.startsWith(`${folder.replace(/\/$/, '')}/`);

export async function hookCommand(args: readonly string[], io: CliIO): Promise<number> {
  const p = parse('hook', args, { command: { type: 'string' }, global: { type: 'boolean' } });
  if (p.positionals[0] !== 'install' || p.positionals.length > 1) throw new UsageError('hook: the only subcommand is "install"');
  const git = new NodeGit();
  const found = await locateRepository(git, io.fs, io.cwd);
  if (!found.repository) throw new UserError(found.problem ? `hook: ${found.problem}` : 'hook: not a git repository');
  const root = found.repository.root;
  // core.hooksPath as the repository configures it (our own commands override it with a "command" scope value).
  const scoped = await git.run(root, ['config', '--show-scope', '--get-all', 'core.hooksPath']);
  const entries = scoped.stdout.split('\n').filter((l) => l && !l.startsWith('command\t'))
    .map((l) => ({ scope: l.slice(0, l.indexOf('\t')), value: l.slice(l.indexOf('\t') + 1) }));
  const configured = entries.pop();
  const commonDir = normalize(toPosix((await gitOk(git, root, ['rev-parse', '--path-format=absolute', '--git-common-dir'])).trim()));
  let hooksDir = join(commonDir, 'hooks');
  if (configured) {
    hooksDir = inRepo(root, toPosix(configured.value.replace(/^~(?=\/)/, io.env.HOME ?? '~')));
    const shown = visibleField(hooksDir);
    if ((configured.scope === 'global' || configured.scope === 'system') && !flag(p, 'global')) {
      throw new UserError(`hook: core.hooksPath is set in your ${configured.scope} git config (${shown}): a hook there runs in every repository; pass --global to install it there`);
    }
    if (configured.scope !== 'global' && configured.scope !== 'system' && !within(normalize(hooksDir), root) && !within(normalize(hooksDir), commonDir)) {
      throw new UserError(`hook: core.hooksPath (${shown}) is outside the repository; refusing to write a hook there`);
    }
  } else if (flag(p, 'global')) {
    throw new UserError('hook: --global needs core.hooksPath set in your global git config');
  }
  const hookPath = join(hooksDir, 'pre-commit');
  const kind = async (path: string) => {
    try {
      const s = await lstat(path);
      return s.isFile() ? 'file' : s.isSymbolicLink() ? 'symlink' : s.isDirectory() ? 'directory' : 'other';
    } catch {
      return undefined;
    }
  };
  const hookKind = await kind(hookPath);
  if (hookKind === 'directory' || hookKind === 'other') {
    throw new UserError(`hook: ${visibleField(hookPath)} is ${hookKind === 'directory' ? 'a folder' : 'not a regular file'}, not a hook; move it away first`);
  }
  let existing: string | undefined;
  if (hookKind !== undefined) {
    try {
      existing = new TextDecoder().decode(await io.fs.readFile(hookPath));
    } catch {
      existing = hookKind === 'symlink' ? '' : undefined; // a dangling link: kept and chained like any hook
    }
  }
  const chainedPath = join(hooksDir, CHAINED_HOOK);
  const names = new Set((await io.fs.readDirectory(hooksDir).catch(() => [])).map(([n]) => n));
  let plan;
  try {
    plan = planHook(existing, (await kind(chainedPath)) !== undefined, str(p, 'command'), (n) => names.has(n));
  } catch (e) {
    throw new UserError(`hook: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (plan.action === 'unchanged') {
    io.stdout(`${visibleField(hookPath)}: already installed\n`);
    return EXIT_OK;
  }
  try {
    await io.fs.mkdir(hooksDir);
    if (plan.action === 'chain') {
      await io.fs.rename(hookPath, chainedPath);
      io.stdout(`${visibleField(hookPath)}: existing hook kept as ${visibleField(chainedPath)} and run first\n`);
    }
    if (plan.action === 'replace') {
      const backup = join(hooksDir, plan.backupAs);
      await io.fs.rename(hookPath, backup);
      io.stdout(`${visibleField(hookPath)}: differs from the hook this command writes (edited?): kept as ${visibleField(backup)}\n`);
    }
    await io.fs.writeFile(hookPath, new TextEncoder().encode(plan.script));
    await chmod(hookPath, 0o755);
  } catch (e) {
    throw new UserError(`hook: could not write ${visibleField(hookPath)}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
  }
  io.stdout(`${visibleField(hookPath)}: installed${configured?.scope === 'global' ? ' (global hooks folder: runs in every repository)' : ''}\n`);
  return EXIT_OK;
}
