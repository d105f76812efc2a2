import type * as vscode from 'vscode';

/** Composition root: creates the shared services and lets each feature register itself. */
export function activate(_context: vscode.ExtensionContext): void {}

export function deactivate(): void {}
