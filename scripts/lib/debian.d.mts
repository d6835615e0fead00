/** One Debian package the scripts need. */
export interface DebianNeed {
  pkg: string;
  file: string;
  why: string;
}
export declare const DEBIAN_NEEDS: DebianNeed[];
export declare class MissingPackagesError extends Error {}
/** How ensureDebianPackages looks at and changes the machine; tests replace these. */
export interface DebianEnvironment {
  exists(file: string): boolean;
  isRoot(): boolean;
  hasApt(): boolean;
  run(command: string, args: string[]): boolean;
  log(line: string): void;
}
export declare function ensureDebianPackages(overrides?: Partial<DebianEnvironment>): string[];
