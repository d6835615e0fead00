/**
 * Every id the extension shares with package.json: commands, views, context keys and tree
 * item context values. test/unit/ids.test.ts diffs this file against `contributes`, so a
 * command cannot be contributed without a handler id here, nor the other way round.
 * Imports nothing (the unit test loads it in plain Node).
 */

/** Command ids, as contributed in package.json. */
export const CommandId = {
  refresh: 'mcvpc.refresh',
  showAccount: 'mcvpc.showAccount',
  showLog: 'mcvpc.showLog',
  // The Network view (src/ui/networkView).
  refreshNode: 'mcvpc.refreshNode',
  loadMore: 'mcvpc.loadMore',
  addRegion: 'mcvpc.addRegion',
  removeRegion: 'mcvpc.removeRegion',
  filterRegion: 'mcvpc.filterRegion',
  clearRegionFilter: 'mcvpc.clearRegionFilter',
  copyId: 'mcvpc.copyId',
  openInConsole: 'mcvpc.openInConsole',
  revealInSpec: 'mcvpc.revealInSpec',
  copyUsage: 'mcvpc.copyUsage',
  switchProfile: 'mcvpc.switchProfile',
  switchRegion: 'mcvpc.switchRegion',
  switchAccount: 'mcvpc.switchAccount',
  planLink: 'mcvpc.planLink',
  applyLink: 'mcvpc.applyLink',
  removeLink: 'mcvpc.removeLink',
  /** Remove a link MaxCompute lists (RemoveNetworkLink), not declared in a spec. */
  removeListedLink: 'mcvpc.removeListedLink',
  /** Write a spec for a listed link (the same text as `mcvpc import`). */
  saveLinkAsSpec: 'mcvpc.saveLinkAsSpec',
  signIn: 'mcvpc.signIn',
  // Using a link from code (src/ui/usageLines).
  insertSparkEni: 'mcvpc.insertSparkEni',
  insertSqlNetworkLink: 'mcvpc.insertSqlNetworkLink',
  insertForeignTable: 'mcvpc.insertForeignTable',
  newSpec: 'mcvpc.newSpec',
  /** The same, from a VPC node's menu (its own title). */
  newSpecForVpc: 'mcvpc.newSpecForVpc',
  // The link doctor (src/ui/reachability).
  checkReachability: 'mcvpc.checkReachability',
  copyReachabilityReport: 'mcvpc.copyReachabilityReport',
  /** The Create Network Link form (a webview, src/ui/linkForm). */
  createNetworkLink: 'mcvpc.createNetworkLink',
  /** The same form on a service, for a link the VPC has. */
  allowAccessFromLink: 'mcvpc.allowAccessFromLink',
} as const;

/** One of CommandId's values. */
export type CommandIdValue = (typeof CommandId)[keyof typeof CommandId];

/** The activity-bar container and its views. */
export const ViewContainerId = 'mcvpc';
export const ViewId = {
  explorer: 'mcvpc.explorer',
} as const;

/** `contextValue` of each tree node kind, for `view/item/context` menus' `viewItem ==` clauses. */
export const ContextValue = {
  profile: 'mcvpc.profile',
  region: 'mcvpc.region',
  /** A region with a VPC filter in force (offers "Clear Filter"). */
  regionFiltered: 'mcvpc.regionFiltered',
  vpc: 'mcvpc.vpc',
  vpcGroup: 'mcvpc.vpcGroup',
  vSwitch: 'mcvpc.vSwitch',
  securityGroup: 'mcvpc.securityGroup',
  /** MaxCompute's return-traffic groups: no editing command may ever be offered on them. */
  securityGroupLocked: 'mcvpc.securityGroupLocked',
  rule: 'mcvpc.rule',
  ruleLocked: 'mcvpc.ruleLocked',
  /** A link declared in a spec (Plan, Apply, Remove, usage, reveal). */
  linkDeclared: 'mcvpc.linkDeclared',
  /** A PASSTHROUGH link MaxCompute lists that no spec declares (Remove Listed Link, Save as Spec). */
  linkListed: 'mcvpc.linkListed',
  /** A listed link of another type (REVERSEACCESS): shown, never removed or saved. */
  linkListedReadOnly: 'mcvpc.linkListedReadOnly',
  /** Network interfaces of a link seen in the VPC that no list or spec names. */
  linkDetected: 'mcvpc.linkDetected',
  /** A link whose spec document has errors (opens the Problems view). */
  linkInvalid: 'mcvpc.linkInvalid',
  service: 'mcvpc.service',
  loadMore: 'mcvpc.loadMore',
  addRegion: 'mcvpc.addRegion',
  error: 'mcvpc.error',
  note: 'mcvpc.note',
} as const;

/** Context keys the extension sets with `setContext`, used by `when` clauses in package.json. */
export const ContextKey = {
  /** Why the explorer is empty: 'noProfile' | 'noRegions' | 'empty' (no VPC in the only region) | 'ready' (drives viewsWelcome). */
  setup: 'mcvpc.setup',
} as const;

/** Values of ContextKey.setup. */
export type SetupState = 'noProfile' | 'noRegions' | 'empty' | 'ready';

/** The extension's settings section and keys (package.json `contributes.configuration`). */
export const SettingsSection = 'mcvpc';
export const SettingKey = {
  profile: 'profile',
  regions: 'regions',
  endpoint: 'endpoint',
  pageSize: 'pageSize',
  requestTimeoutMs: 'requestTimeoutMs',
} as const;

/** The extension's id (`publisher.name`), for `vscode.extensions.getExtension`. */
export const ExtensionId = 'mcvpc.maxcompute-vpc-connect';
