/**
 * `digest [--since 7d|DATE|REF] [--until REF] [--format markdown|html|json|github]`: the decisions
 * of a period, from git history and the review (core/digest). `github` links commits, pull requests
 * and records to the repository on GitHub (`--repo-url`, else $GITHUB_SERVER_URL/$GITHUB_REPOSITORY,
 * as in Actions). Prints only; never sends anything anywhere.
 */
import { collectDigest, DIGEST_FORMATS, formatDigest, githubLinks, parseSince, type DigestFormat } from '../../core/digest';
import { isoDate } from '../../core/naming';
import { GitCommandError, GitUnavailableError } from '../../core/review/git';
import { DEFAULT_POLICY } from '../../core/signoff';
import { collectionPolicies } from '../policies';
import { NodeGit } from '../../platform/git';
import { NodeWorkTree } from '../../platform/workTree';
import { parse, str, UsageError } from '../args';
import { EXIT_OK, EXIT_USAGE, type CliIO } from '../io';
import { loadIndex } from '../workspace';
import { historyCache } from './history';

export async function digestCommand(args: readonly string[], io: CliIO): Promise<number> {
  const p = parse('digest', args, { since: { type: 'string' }, until: { type: 'string' }, format: { type: 'string' }, 'repo-url': { type: 'string' } });
  if (p.positionals.length) throw new UsageError(`digest: unexpected "${p.positionals[0]}"`, 'digest');
  const format = (str(p, 'format') ?? 'markdown') as DigestFormat;
  if (!DIGEST_FORMATS.includes(format)) throw new UsageError(`digest: --format takes ${DIGEST_FORMATS.join(', ')}, not "${format}"`, 'digest');
  const sinceText = str(p, 'since') ?? '7d';
  if (!sinceText.trim()) throw new UsageError('digest: --since needs a period (7d), a date (2024-03-01) or a ref', 'digest');
  const until = str(p, 'until');
  const index = await loadIndex(io);
  const policies = await collectionPolicies(io, index.collections.map((c) => c.path));
  try {
    // The records' history through the same per-user cache as `log` (the state at HEAD, updated incrementally).
    const cache = await historyCache(io);
    const { digest, history } = await collectDigest(new NodeGit(), io.fs, new NodeWorkTree(), {
      folder: io.cwd, since: parseSince(sinceText), sinceText, ...(until !== undefined ? { until } : {}), today: isoDate(io.clock.now()), index,
      policyOf: (c) => policies.get(c) ?? DEFAULT_POLICY, ...(cache.snapshot ? { snapshot: cache.snapshot } : {}),
    });
    cache.save(history);
    const url = str(p, 'repo-url') ?? (io.env.GITHUB_SERVER_URL && io.env.GITHUB_REPOSITORY ? `${io.env.GITHUB_SERVER_URL}/${io.env.GITHUB_REPOSITORY}` : undefined);
    const links = format === 'github' && url ? githubLinks(url, digest.period.until) : {};
    io.stdout(formatDigest(digest, format, links));
    return EXIT_OK;
  } catch (e) {
    if (e instanceof GitCommandError || e instanceof GitUnavailableError) {
      io.stderr(`adr-workbench: digest: ${e.message.split('\n')[0]}\n`);
      return EXIT_USAGE;
    }
    throw e;
  }
}
