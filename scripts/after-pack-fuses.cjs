// electron-builder afterPack hook: flips the fuses of scripts/fuses.cjs in the packaged Electron binary.
const fs = require('node:fs');
const path = require('node:path');
const { flipFuses } = require('@electron/fuses');
const { fuseConfig } = require('./fuses.cjs');

function executablePath(context) {
  const name = context.packager.appInfo.productFilename;
  switch (context.electronPlatformName) {
    case 'darwin':
    case 'mas':
      return path.join(context.appOutDir, `${name}.app`, 'Contents', 'MacOS', name);
    case 'win32':
      return path.join(context.appOutDir, `${name}.exe`);
    default:
      return path.join(context.appOutDir, context.packager.executableName);
  }
}

/** Electron binaries carry this marker before their fuse wire; a placeholder file does not. */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

function isRealElectron(executable) {
  return fs.readFileSync(executable).includes(FUSE_SENTINEL);
}

/**
 * Flips the fuses. XOI_SKIP_FUSES=1 is honoured only for the packaging check's placeholder binary: asked of a real
 * Electron binary it stops the build, so no release can leave without its fuses.
 */
async function afterPack(context) {
  const executable = executablePath(context);
  if (process.env.XOI_SKIP_FUSES === '1') {
    if (isRealElectron(executable)) {
      throw new Error(
        `XOI_SKIP_FUSES is set, but ${executable} is a real Electron binary: releases always get their fuses.`,
      );
    }
    console.log('afterPack: fuses not flipped (placeholder binary of the packaging check)');
    return;
  }
  await flipFuses(executable, fuseConfig);
}

module.exports = afterPack;
module.exports.executablePath = executablePath;
