/** mcvpc.planLink: what Apply would do for a declared link, read from the live state and shown as a document. Changes nothing. */
import { planDeclaredLink, showPlanDocument } from '../linkPlanning';
import type { CommandDeps, CommandHandler } from '../../shell/commandDeps';
import { nodeArgument } from '../../networkView/model/nodeArgument';

/** The plan command's handler; resolves to the plan text (undefined when cancelled). */
export function planLinkCommand(deps: CommandDeps): CommandHandler {
  return async (arg?: unknown): Promise<string | undefined> => {
    const node = nodeArgument(arg, ['networkLink'], 'Plan');
    if (node.link.declared === undefined) throw new Error('Only a link declared in a *.mcvpc.yaml spec can be planned.');
    const planned = await planDeclaredLink(deps.session, node.link.declared);
    if (planned === undefined) return undefined;
    await showPlanDocument(planned);
    deps.log.info(
      `plan for ${planned.spec.networkLinkName}: ${planned.plan.refused ? 'refused' : 'ok'}, fingerprint ${planned.plan.fingerprint}`,
    );
    return planned.text;
  };
}
