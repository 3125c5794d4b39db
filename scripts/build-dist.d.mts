/** Types for scripts/build-dist.mjs (plain JavaScript, so that `npm start` needs no TypeScript loader). */
export declare const ROOT: string;
export declare const SRC: string;
export declare const OUT: string;
export interface BuildResult {
  compiled: number;
  linked: number;
  removed: number;
  unchanged: number;
}
export declare function buildDist(dirs?: { src?: string; out?: string; tsconfig?: string }): Promise<BuildResult>;
