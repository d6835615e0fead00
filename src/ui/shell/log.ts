/** The extension's one log: a LogOutputChannel, also handed to the cloud layer as its logger. */
import type * as vscode from 'vscode';
import { formatLogLine, type CloudLogger } from '../../cloud/logger';

/** A CloudLogger writing to the channel. The cloud layer redacts secrets before it logs. */
export function channelLogger(channel: vscode.LogOutputChannel): CloudLogger {
  return {
    debug: (message, fields) => channel.debug(formatLogLine(message, fields)),
    info: (message, fields) => channel.info(formatLogLine(message, fields)),
    warn: (message, fields) => channel.warn(formatLogLine(message, fields)),
    error: (message, fields) => channel.error(formatLogLine(message, fields)),
  };
}
