/** Replaced at build time (esbuild, Vite, Vitest) with the version in package.json. */
declare const __XOI_VERSION__: string;
