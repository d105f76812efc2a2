/** Shared plumbing of the CLI commands: the index from the working folder, REF lookup, output. */
import type { AdrRecord } from '../core/model';
import { AdrIndex } from '../core/index';
import { findAdrDirUpwards } from '../core/discovery';
import { UserError } from '../core/errors';
import type { CliIO } from './io';

/** Every collection from the working folder down. */
export async function loadIndex(io: CliIO): Promise<AdrIndex> {
  return AdrIndex.build(io.fs, io.cwd, { extraFolders: extraFolders(io) });
}

/** Folders named in ADRW_EXTRA_FOLDERS (`:`-separated), collections whatever they hold. */
export function extraFolders(io: CliIO): string[] {
  return io.env.ADRW_EXTRA_FOLDERS ? io.env.ADRW_EXTRA_FOLDERS.split(':').filter(Boolean) : [];
}

/**
 * The index plus the adr-tools folder (found by walking up, as adr-tools does). When that folder lies
 * above the working folder, it is indexed from there so that REFs resolve.
 */
export async function loadForRefs(io: CliIO): Promise<{ index: AdrIndex; adrDir: string | undefined }> {
  const loc = await findAdrDirUpwards(io.fs, io.cwd);
  const adrDir = loc.found === 'default' ? undefined : loc.path;
  let index = await loadIndex(io);
  if (adrDir && !index.collection(adrDir)) index = await AdrIndex.build(io.fs, adrDir, {});
  return { index, adrDir: adrDir && index.collection(adrDir) ? adrDir : undefined };
}

/** A record by REF (number, path or part of a file name), preferring the adr-tools folder. */
export function requireRecord(index: AdrIndex, ref: string, collection?: string): AdrRecord {
  const r = (collection && index.resolveRef(ref, collection)) || index.resolveRef(ref);
  if (!r) throw new UserError(`no decision record matches "${ref}"`);
  return r;
}

export { rel } from './adrTools';
