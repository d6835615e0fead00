/**
 * mcvpc.newSpec: New Connection Spec — region (the profile's first), VPC, vSwitch (supported
 * zones first; the others listed with the reason, and refused if chosen), the link's security
 * group (a new one, or a basic group of the VPC no one uses; those in use listed and refused),
 * the services to reach and the link's name (a name the region's known links have is said),
 * each from a quick pick of real resources; then saved as `*.mcvpc.yaml` where the user says
 * and opened. From a VPC node (or a quick fix's `{ regionId, vpcId }`), the region and VPC are
 * taken from it. Closing any step is no failure.
 * The rows and words are plain data in newSpecChoices.ts (unit-tested).
 */
import { posix } from 'node:path';
import * as vscode from 'vscode';
import { canBeLinkGroup } from '../../../core/model';
import { SpecCatalog } from '../model/specCatalog';
import { scaffoldSpec } from '../model/specScaffold';
import { idFieldOf } from '../model/specSchemaNav';
import type { CommandDeps, CommandHandler } from '../../shell/commandDeps';
import { groupChoices, linkNameWarning, proposedLinkName, regionChoices, specSavePath, vSwitchChoices } from '../model/newSpecChoices';

interface Pick<T> extends vscode.QuickPickItem {
  value: T;
}

async function pick<T>(items: Array<Pick<T>>, placeHolder: string, title: string): Promise<T> {
  const chosen = await vscode.window.showQuickPick(items, {
    title,
    placeHolder,
    matchOnDescription: true,
    matchOnDetail: true,
    ignoreFocusOut: true,
  });
  if (chosen === undefined) throw new vscode.CancellationError();
  return chosen.value;
}

/** A pick row that may be listed but refused (see pickRefusing). */
interface RefusableRow extends vscode.QuickPickItem {
  refusal?: string;
}

/**
 * A pick whose rows the user should see but cannot use (a vSwitch in an unsupported zone, a
 * group someone else uses) are listed and marked; choosing one is refused in place: the pick
 * stays open and says why in its title, instead of ending the whole flow with an error.
 */
function pickRefusing<R extends RefusableRow>(rows: readonly R[], placeholder: string, title: string): Promise<R> {
  return new Promise((resolve, reject) => {
    const quickPick = vscode.window.createQuickPick<R>();
    quickPick.items = rows;
    quickPick.placeholder = placeholder;
    quickPick.title = title;
    quickPick.matchOnDescription = true;
    quickPick.matchOnDetail = true;
    quickPick.ignoreFocusOut = true;
    let chosen: R | undefined;
    quickPick.onDidAccept(() => {
      const row = quickPick.selectedItems[0] ?? quickPick.activeItems[0];
      if (row === undefined) return;
      if (row.refusal !== undefined) {
        quickPick.title = row.refusal;
        quickPick.value = '';
        // Enter now takes the first usable row; set after the list has handled the click that chose this one.
        setTimeout(() => (quickPick.activeItems = rows.filter((c) => c.refusal === undefined).slice(0, 1)), 0);
        return;
      }
      chosen = row;
      quickPick.hide();
    });
    quickPick.onDidHide(() => {
      quickPick.dispose();
      if (chosen === undefined) reject(new vscode.CancellationError());
      else resolve(chosen);
    });
    quickPick.show();
  });
}

/** The VPC the command was run on: a Network view VPC node, or `{ regionId, vpcId }` from a quick fix. */
function vpcOf(arg: unknown): { regionId: string; vpcId: string } | undefined {
  const given = arg as { kind?: unknown; regionId?: unknown; vpcId?: unknown; vpc?: { vpcId?: unknown } } | undefined;
  if (typeof given?.regionId !== 'string') return undefined;
  if (given.kind === 'vpc' && typeof given.vpc?.vpcId === 'string') return { regionId: given.regionId, vpcId: given.vpc.vpcId };
  if (given.kind === undefined && typeof given.vpcId === 'string') return { regionId: given.regionId, vpcId: given.vpcId };
  return undefined;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  return vscode.workspace.fs.stat(uri).then(
    () => true,
    () => false,
  );
}

/** The command's handler; resolves to the saved file's URI (undefined when cancelled). */
export function newSpecCommand(deps: CommandDeps): CommandHandler {
  return async (arg?: unknown): Promise<string | undefined> => {
    const cloud = await deps.session.open();
    const catalog = new SpecCatalog(() => deps.session.openSession);
    const fromVpc = vpcOf(arg);

    const regionId =
      fromVpc?.regionId ??
      (await pick(
        regionChoices(cloud.regionId),
        'Region of the VPC (regions where MaxCompute network links exist)',
        'New Connection Spec',
      ));
    const vpcs = await catalog.vpcs(regionId);
    if (vpcs.length === 0) throw new Error(`No VPCs in ${regionId} for this profile.`);
    const vpcId =
      fromVpc?.vpcId ??
      (await pick(
        vpcs.map((v) => ({ label: v.name || v.vpcId, description: `${v.vpcId} · ${v.cidrBlock}`, value: v.vpcId })),
        'VPC that holds the services',
        `New Connection Spec in ${regionId}`,
      ));
    const vpc = vpcs.find((v) => v.vpcId === vpcId);
    // Every later step says which VPC the spec is for (from a VPC node, no earlier step did).
    const title = `New Connection Spec for ${vpc?.name || vpcId} (${regionId})`;

    const vSwitches = (await catalog.vSwitches(regionId)).filter((s) => s.vpcId === vpcId);
    const choices = vSwitchChoices(regionId, vSwitches);
    if (!choices.some((c) => c.refusal === undefined))
      throw new Error(`VPC ${vpcId} has no vSwitch in a zone that supports network links; create one first.`);
    const { vSwitch } = await pickRefusing(
      choices,
      "vSwitch for the link's network interfaces (zones with network-link support first)",
      title,
    );

    // The form's rule: the link's group is basic, the VPC's, not MaxCompute's, and used by no other network interface.
    const { interfaces } = await deps.explorer.vpcDetails(cloud.accountProfile, regionId, vpcId);
    const basic = (await catalog.securityGroups(regionId)).filter((g) => canBeLinkGroup(g, vpcId));
    const { value: group } = await pickRefusing(
      groupChoices(basic, interfaces),
      "Security group for the link's network interfaces (a new one keeps the link's rules apart)",
      title,
    );

    const services = (await catalog.services(regionId)).filter((s) => s.resource.vpcId === vpcId);
    const chosen = await vscode.window.showQuickPick(
      services.map((s) => {
        const shown = s.kind.service!.present(s.resource);
        return { label: shown.label, description: `${shown.id} · ${shown.kindText}`, service: s, shown };
      }),
      { canPickMany: true, title, placeHolder: 'Services MaxCompute must reach (none: add targets later)', ignoreFocusOut: true },
    );
    if (chosen === undefined) throw new vscode.CancellationError();

    const { networkLinkNameProblem } = await import('../../../connectionSpec');
    const links = await deps.links.knownLinks();
    const name = await vscode.window.showInputBox({
      title,
      prompt: 'Name of the network link (SQL and Spark use it)',
      value: proposedLinkName(vpc?.name, regionId, links),
      // A bad name is refused; a name another known link has is allowed (a spec for that link) but said.
      validateInput: (value) => {
        const problem = networkLinkNameProblem(value);
        if (problem !== undefined) return problem;
        const warning = linkNameWarning(value, regionId, links);
        return warning === undefined ? undefined : { message: warning, severity: vscode.InputBoxValidationSeverity.Warning };
      },
      ignoreFocusOut: true,
    });
    if (name === undefined) throw new vscode.CancellationError();

    const text = scaffoldSpec({
      name,
      regionId,
      vpc: { id: vpcId, words: [vpc?.name, vpc?.cidrBlock].filter((w) => w).join(', ') },
      vSwitch: { id: vSwitch.vSwitchId, words: `${vSwitch.name}, zone ${vSwitch.zoneId} (supports network links)` },
      group: group === 'new' ? { mode: 'create', name: `maxcompute-${name.replace(/_/g, '-').toLowerCase()}` } : group,
      targets: chosen.map(({ service, shown }) => ({
        kind: service.kind.kind,
        idField: idFieldOf(service.kind) ?? 'id',
        id: shown.id,
        words: `${shown.label}, ${shown.kindText}`,
      })),
    });
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    // The filter names `yaml`, not `mcvpc.yaml`: a dialog compares it with the typed name's last
    // extension (`.yaml`) and would append `.mcvpc.yaml` to `orders.mcvpc.yaml` (seen in code-server).
    const chosenUri = await vscode.window.showSaveDialog({
      defaultUri: folder === undefined ? undefined : vscode.Uri.joinPath(folder, `${name}.mcvpc.yaml`),
      filters: { 'Connection spec (*.mcvpc.yaml)': ['yaml'] },
      title: 'Save the connection spec',
    });
    if (chosenUri === undefined) return undefined;
    const saveAs = specSavePath(chosenUri.path);
    const target = chosenUri.with({ path: saveAs.path });
    if (saveAs.renamed) {
      // The dialog asked about overwriting the name it was given, not this one.
      if (await exists(target)) throw new Error(`${target.fsPath} already exists; choose another name for the spec.`);
      void vscode.window.showInformationMessage(
        `Saved as ${posix.basename(target.path)}: connection specs are read from *.mcvpc.yaml files.`,
      );
    }
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
    await vscode.window.showTextDocument(target);
    return target.toString();
  };
}
