/**
 * Errors a user can cause and fix (bad arguments, a missing record, a file that already exists).
 * Front ends show `message` as one line, without a stack trace; anything else is a bug.
 */
export class UserError extends Error {
  constructor(message: string, readonly path?: string) {
    super(message);
    this.name = 'UserError';
  }
}

export class FileNotFoundError extends UserError {
  constructor(path: string) {
    super(`${path}: no such file or folder`, path);
    this.name = 'FileNotFoundError';
  }
}

export class FileExistsError extends UserError {
  constructor(path: string) {
    super(`${path}: already exists`, path);
    this.name = 'FileExistsError';
  }
}

export function isUserError(e: unknown): e is UserError {
  return e instanceof UserError;
}
