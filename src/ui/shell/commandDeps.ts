/** What command handlers are given (composed in extension.ts). */
import type * as vscode from 'vscode';
import type { KnownLinksSource } from '../../core/usage';
import type { CloudSession } from './session';
import type { NetworkExplorer } from '../networkView/explorer';

/** The services every command factory receives. */
export interface CommandDeps {
  session: CloudSession;
  explorer: NetworkExplorer;
  log: vscode.LogOutputChannel;
  /** Links declared in specs and seen in the cloud (insert commands pick from them). */
  links: KnownLinksSource;
}

/** A command's handler; its result is what `executeCommand` resolves to. */
export type CommandHandler = (...args: unknown[]) => unknown;
