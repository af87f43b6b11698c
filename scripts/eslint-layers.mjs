// The project's layer rules as one ESLint rule, `layers/boundaries`: every import is resolved to the file it names
// (relative paths, and the aliased forms @/, ~/, a leading /, or a path from the repository root) and checked against
// what its layer may import. test/unit/lint-boundaries.test.ts proves each rule bites.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Each layer: its files, the folders it may not import, the exceptions, and why. Paths are from the root. */
export const LAYERS = [
  {
    files: 'shared/',
    forbid: ['electron/', 'renderer/', 'test/', 'scripts/'],
    message: 'shared/ imports only zod and itself.',
  },
  {
    files: 'electron/engine/',
    forbid: [
      'electron/sandbox/',
      'electron/web/',
      'electron/cli/',
      'electron/compose/',
      'electron/main/',
      'electron/preload/',
      'renderer/',
    ],
    message: 'The engine never imports the sandbox, the web host, the CLI, the composition root or the shell.',
  },
  {
    files: 'electron/engine/store/',
    forbid: [
      'electron/engine/sync/',
      'electron/engine/service/',
      'electron/engine/queries/',
      'electron/engine/diagnosis/',
    ],
    message: 'The store never imports sync/, service/, queries/ or diagnosis/: they build on it, not it on them.',
  },
  {
    files: 'electron/sandbox/',
    forbid: ['electron/engine/', 'electron/web/', 'electron/cli/', 'electron/compose/', 'electron/main/', 'renderer/'],
    allow: ['electron/engine/schedule/contract'],
    message: 'The sandbox plays the Schedule server and XOi: from the engine it imports only the published contract.',
  },
  {
    files: 'renderer/',
    forbid: ['electron/'],
    allow: ['electron/preload/api'],
    message: "The renderer imports nothing from electron/ but the preload's types.",
  },
];

/** Top-level folders of the project a bare specifier may start with (an alias for a path from the root). */
const PROJECT_FOLDERS = ['shared', 'renderer', 'test', 'scripts'];
/** Folders under electron/ that are ours, not the Electron package's own subpaths (electron/main, .../renderer). */
const OUR_ELECTRON_FOLDERS = ['engine', 'sandbox', 'web', 'cli', 'compose', 'preload'];

/** The file an import names, from the repository root, or null for a package. */
export function resolveImport(fromFile, specifier) {
  let target = null;
  if (specifier.startsWith('.')) target = path.resolve(path.dirname(fromFile), specifier);
  else if (/^(@|~)\//.test(specifier)) target = path.join(root, specifier.slice(2));
  else if (specifier.startsWith('/')) target = path.join(root, specifier);
  else {
    const [first, second] = specifier.split('/');
    if (PROJECT_FOLDERS.includes(first) || (first === 'electron' && OUR_ELECTRON_FOLDERS.includes(second)))
      target = path.join(root, specifier);
  }
  if (target === null) return null;
  const relative = path.relative(root, target).split(path.sep).join('/');
  return relative.startsWith('..') ? null : relative.replace(/\.(ts|tsx|js|mjs|cjs)$/, '');
}

const boundaries = {
  meta: {
    type: 'problem',
    docs: { description: "Keeps each layer's imports within what the layer may use." },
    schema: [],
  },
  create(context) {
    const file = path.relative(root, context.filename).split(path.sep).join('/');
    if (file.startsWith('..')) return {};
    // The innermost layer's rules apply too: electron/engine/store/ is both the engine and the store.
    const layers = LAYERS.filter((layer) => file.startsWith(layer.files));
    if (layers.length === 0) return {};
    const check = (node, specifier) => {
      if (typeof specifier !== 'string') return;
      const target = resolveImport(context.filename, specifier);
      if (target === null) return;
      for (const layer of layers) {
        if ((layer.allow ?? []).some((allowed) => target === allowed || target.startsWith(`${allowed}/`))) continue;
        const forbidden = layer.forbid.find((folder) => `${target}/`.startsWith(folder));
        if (forbidden) {
          context.report({ node, message: `${layer.message} ("${specifier}" is in ${forbidden})` });
          return;
        }
      }
    };
    return importVisitors(check);
  },
};

/**
 * The visitors that hand `check` every module a file reaches and where it is named: imports, re-exports, dynamic
 * imports and require calls with a literal name.
 */
function importVisitors(check) {
  const fromSource = (node) => node.source && check(node.source, node.source.value);
  return {
    ImportDeclaration: fromSource,
    ExportNamedDeclaration: fromSource,
    ExportAllDeclaration: fromSource,
    ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
    CallExpression: (node) => {
      if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments[0]?.type === 'Literal')
        check(node.arguments[0], node.arguments[0].value);
    },
  };
}

/**
 * The folder whose entry point (index.ts) an import of `target` must go through, or null where there is none to use:
 * each room of the engine, the sandbox, the web host, each room of shared/ and shared/ itself. The shell, the
 * preload and the renderer have none: their index is the program itself, so their tests import the module they test.
 */
export function entryFolderOf(target) {
  const parts = target.split('/');
  if (parts[0] === 'electron' && parts[1] === 'engine')
    return parts.length > 3 ? parts.slice(0, 3).join('/') : 'electron/engine';
  if (parts[0] === 'electron' && (parts[1] === 'sandbox' || parts[1] === 'web')) return parts.slice(0, 2).join('/');
  if (parts[0] === 'shared') return parts.length > 2 ? parts.slice(0, 2).join('/') : 'shared';
  return null;
}

const entryPoints = {
  meta: {
    type: 'suggestion',
    docs: { description: "Tests import a folder's modules through its entry point, the folder's public face." },
    schema: [],
  },
  create(context) {
    const check = (node, specifier) => {
      if (typeof specifier !== 'string') return;
      const named = resolveImport(context.filename, specifier);
      if (named === null) return;
      const full = path.join(root, named);
      const target = existsSync(full) && statSync(full).isDirectory() ? `${named}/index` : named;
      const folder = entryFolderOf(target);
      if (folder === null || target === folder || target === `${folder}/index`) return;
      context.report({ node, message: `Import "${specifier}" through its folder's entry point, ${folder}/index.ts.` });
    };
    return importVisitors(check);
  },
};

export const layersPlugin = { rules: { boundaries, 'entry-points': entryPoints } };
