/** mcvpc.checkReachability: the link doctor on a network link, a service or a spec; the report opens beside. Changes nothing by itself. */
import type { DoctorReport } from '../../../core/doctor';
import { linkToCheck } from '../linkSpec';
import { checkLink, showReport } from '../reportPanel';
import type { CommandDeps, CommandHandler } from '../../shell/commandDeps';

/** Resolves to the report (undefined when cancelled). */
export function checkReachabilityCommand(deps: CommandDeps): CommandHandler {
  return async (arg?: unknown): Promise<DoctorReport | undefined> => {
    const target = await linkToCheck(arg);
    const checked = await checkLink(deps.session, target);
    if (checked === undefined) return undefined;
    showReport(deps.session, target, checked, deps.log);
    deps.log.info(
      `reachability of ${target.spec.networkLinkName}: ${checked.report.verdict} (${checked.report.counts.fail} fail, ${checked.report.counts.warn} warn, ${checked.report.counts.unknown} unknown)`,
    );
    return checked.report;
  };
}
