// Types of setup-plan.mjs for the unit tests that import it.
export declare function debianPackages(need: { browser: boolean; codeServerBuild: boolean }): string[];
export type DebianPackagesPlan =
  | { action: 'none' }
  | { action: 'install'; packages: string[] }
  | { action: 'refuse'; message: string }
  | { action: 'warn'; message: string };
export declare function debianPackagesPlan(facts: { missing: string[]; isRoot: boolean; hasDpkg: boolean; user?: string }): DebianPackagesPlan;
export declare function installProgress(log: string): string;
export declare function compilingModules(ps: string, rootPid: number): string[];
