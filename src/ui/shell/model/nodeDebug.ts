/**
 * NODE_DEBUG in the extension host (see core/nodeDebug.ts). The host is shared and was started
 * with it, so this process keeps printing what Node decided at start; what the extension can do
 * is keep the sections from every process it starts (the emulator, an aliyun CLI credentials
 * command) and tell the person, once, in the log. Pure: the environment is handed in.
 */
import { nodeDebugNotice, nodeDebugWithoutLeaks } from '../../../core/nodeDebug';

/** Removes the leaky sections from `env.NODE_DEBUG`; the one-line notice for the log, or undefined when there were none. */
export function clearLeakyNodeDebug(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const { value, removed } = nodeDebugWithoutLeaks(env.NODE_DEBUG);
  if (removed.length === 0) return undefined;
  if (value === undefined) delete env.NODE_DEBUG;
  else env.NODE_DEBUG = value;
  return nodeDebugNotice(
    removed,
    'cleared for the processes MaxCompute VPC Connect starts; start VS Code without it, as Node already prints them for this extension host',
  );
}
