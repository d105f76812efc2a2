/** Path helpers over `/`-separated absolute paths (the form every port uses). */
import * as posix from 'node:path/posix';

export const join = posix.join;
export const dirname = posix.dirname;
export const basename = posix.basename;
export const extname = posix.extname;
export const relative = posix.relative;
export const resolve = posix.resolve;
export const normalize = posix.normalize;
export const isAbsolute = posix.isAbsolute;

/** Converts a native path (Windows back-slashes, drive letters) to the `/` form. */
export function toPosix(p: string): string {
  return p.replace(/\\/g, '/');
}

/** True when `child` is `parent` or lies below it. */
export function isInside(parent: string, child: string): boolean {
  const rel = posix.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !posix.isAbsolute(rel));
}
