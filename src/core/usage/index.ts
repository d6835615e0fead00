/** Using a network link from code: the lines, their checks, fixes and completions. Pure; no vscode. */
export * from './lines';
export * from './facts';
export * from './dialect';
export * from './text';
export * from './settings';
export * from './knownLinks';
export * from './vpcValues';
export * from './regions';
export * from './checks';
export * from './foreignTables';
export * from './completion';
