/**
 * `index [--check] [--collection PATH]`: brings the collection's index file up to date in the
 * convention it follows (adr-log markers, or adr-tools' `generate toc` page), changing only the list;
 * a collection without README.md / index.md gets a README.md (adr-tools' TOC for adr-tools
 * collections, an adr-log list otherwise). `--check` writes nothing and exits 1 when it is stale.
 */
import { UserError } from '../../core/errors';
import { indexStyleOf, newIndex, updateIndex, type FolderEntry } from '../../core/generate/indexFile';
import { join } from '../../core/paths';
import { decodeText, type DecodedText } from '../../core/text';
import { flag, parse, str, UsageError } from '../args';
import { EXIT_FINDINGS, EXIT_OK, type CliIO } from '../io';
import { rel } from '../workspace';
import { applyConfined, chooseCollection } from '../authoring';

/** Index file names, in the order they are preferred. */
const INDEX_NAME = /^(readme|index)\.md$/i;

export async function indexCommand(args: readonly string[], io: CliIO): Promise<number> {
  const p = parse('index', args, { check: { type: 'boolean' }, collection: { type: 'string' } });
  if (p.positionals.length > 0) throw new UsageError('index: usage: index [--check] [--collection PATH]', 'index');
  const collectionOption = str(p, 'collection');
  const { collection } = await chooseCollection(io, 'index', { ...(collectionOption !== undefined ? { collection: collectionOption } : {}), createDefault: false });
  const listing = (await io.fs.readDirectory(collection.path)).filter(([, kind]) => kind === 'file').map(([name]) => name);

  // The first README.md / index.md that follows a known convention; else the first one there is.
  const names = listing.filter((n) => INDEX_NAME.test(n)).sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : 1));
  let found: { path: string; file: DecodedText } | undefined;
  let unknown: string | undefined;
  for (const name of names) {
    const path = join(collection.path, name);
    const file = decodeText(await io.fs.readFile(path), path);
    if (indexStyleOf(file.text)) {
      found = { path, file };
      break;
    }
    unknown ??= path;
  }
  if (!found && unknown) {
    throw new UserError(
      `${rel(io, unknown)}: not an index this tool keeps: put <!-- adrlog --> and <!-- adrlogstop --> where the list goes, or start it with "# Architecture Decision Records"`,
      unknown,
    );
  }

  const entries = await readEntries(io, collection.path, listing);
  const path = found?.path ?? join(collection.path, 'README.md');
  const options = { indexFileName: path.slice(collection.path.length + 1) };
  const update = found ? updateIndex(found.file.text, entries, options) : undefined;
  const text = update ? update.text : newIndex(entries, collection.dialect, options);
  const stale = !found || text !== found.file.text;
  const shown = rel(io, path);
  if (flag(p, 'check')) {
    if (!stale) return EXIT_OK;
    io.stderr(`adr-workbench: ${shown}: ${found ? 'out of date' : 'missing'}; run "adr-workbench index" to ${found ? 'update' : 'create'} it\n`);
    return EXIT_FINDINGS;
  }
  if (!stale) return EXIT_OK;
  if (found && update) {
    await applyConfined(io, { edits: [{ path, edits: update.edits }], creates: [] }, new Map([[path, found.file.text]]));
  } else {
    await applyConfined(io, { edits: [], creates: [{ path, content: text }] });
  }
  io.stdout(`${shown}\n`);
  return EXIT_OK;
}

function rank(name: string): number {
  return /^readme\.md$/i.test(name) ? 0 : 1;
}

/** The folder's numbered Markdown files with their texts (the only ones either list shows). */
async function readEntries(io: CliIO, folder: string, names: readonly string[]): Promise<FolderEntry[]> {
  const wanted = names.filter((n) => /^\d/.test(n) && /\.md$/.test(n));
  return Promise.all(wanted.map(async (fileName) => {
    const path = join(folder, fileName);
    return { fileName, text: decodeText(await io.fs.readFile(path), path).text };
  }));
}
