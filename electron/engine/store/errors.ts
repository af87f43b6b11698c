import { ConsoleError } from '../../../shared/errors';

export class MirrorTooNewError extends ConsoleError {
  constructor(file: string, found: number, supported: number) {
    super(
      'MIRROR_TOO_NEW',
      `The mirror database ${file} was written by a newer version of XOi Console (schema ${found}; this version reads up to ${supported}). It was left untouched.`,
      'Install the newer XOi Console again, or rebuild the mirror from the server in Settings (the file is only a copy of the server).',
    );
  }
}

export class MirrorCorruptError extends ConsoleError {
  constructor(file: string, detail: string) {
    super(
      'MIRROR_CORRUPT',
      `The mirror database ${file} is damaged (${detail}).`,
      'Rebuild the mirror: it is a copy of the Schedule server, so nothing is lost; the console reads everything again.',
    );
  }
}
