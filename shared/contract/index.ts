export * from './channels';
export * from './methods';
export * from './events';
export * from './result';
export * from './app';
