// electron-builder afterPack hook: flips the fuses of scripts/fuses.cjs in the packaged Electron binary.
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

module.exports = async function afterPack(context) {
  if (process.env.XOI_SKIP_FUSES === '1') return; // the packaging check runs on a placeholder binary
  await flipFuses(executablePath(context), fuseConfig);
};
