/**
 * Writing to stdout / stderr with `fs.writeSync`: what a short-lived CLI needs, without Node's
 * stream machinery (loading it is a good part of a `list`'s cost). All of a text is written, in
 * order; a pipe whose reader is gone (`adrw list | head -1`) ends the process quietly.
 */
import { writeSync } from 'node:fs';
import { visibleOutput } from '../core/terminal';

/** Writes `text`; control characters that a repository put in names, titles or messages are shown
 * as `\uXXXX` (never interpreted by the terminal), whichever command printed them. */
export function writeAll(fd: 1 | 2, text: string): void {
  const bytes = Buffer.from(visibleOutput(text), 'utf8');
  let at = 0;
  while (at < bytes.length) {
    try {
      at += writeSync(fd, bytes, at, bytes.length - at);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') continue; // a non-blocking pipe that is full: try again
      if (code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
      throw e;
    }
  }
}
