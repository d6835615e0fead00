/** The tree node a context-menu command was invoked on, checked: from the palette there is none. */
import type { ExplorerNode } from './nodes';

/** The node argument if it is of one of `kinds`; otherwise an error saying where to run the command. */
export function nodeArgument<K extends ExplorerNode['kind']>(
  arg: unknown,
  kinds: readonly K[],
  what: string,
): Extract<ExplorerNode, { kind: K }> {
  const node = arg as Partial<ExplorerNode> | undefined;
  if (
    node === undefined ||
    typeof node !== 'object' ||
    typeof node.kind !== 'string' ||
    !(kinds as readonly string[]).includes(node.kind)
  ) {
    throw new Error(`Run "${what}" from a node's menu in the MaxCompute VPC Network view.`);
  }
  return node as Extract<ExplorerNode, { kind: K }>;
}
