import { ConsoleError } from '../../../shared/errors';
import { clip } from '../../../shared/validation';

export class MirrorTooNewError extends ConsoleError {
  constructor(file: string, found: number, supported: number) {
    super(
      'MIRROR_TOO_NEW',
      `The mirror database ${clip(file)} was written by a newer version of XOi Console (schema ${found}; this version reads up to ${supported}). It was left untouched.`,
      'Install the newer XOi Console again, or rebuild the mirror from the server in Settings (the file is only a copy of the server).',
    );
  }
}

export class MirrorCorruptError extends ConsoleError {
  constructor(file: string, detail: string) {
    super(
      'MIRROR_CORRUPT',
      `The mirror database ${clip(file)} is damaged (${clip(detail, 160)}).`,
      'Rebuild the mirror: it is a copy of the Schedule server, so nothing is lost; the console reads everything again.',
    );
  }
}

/** The file or its folder cannot be written (a read-only disk, share or permission): not damage, and not fixed by a rebuild. */
export class MirrorReadOnlyError extends ConsoleError {
  constructor(file: string) {
    super(
      'MIRROR_READ_ONLY',
      `The mirror database ${clip(file)} is on a read-only disk or folder, so it cannot be updated. It was left untouched.`,
      'Give this user write access to the data folder, or move the data folder to a writable disk, then restart the console.',
    );
  }
}

/** Another connection holds the file's lock longer than the busy timeout: passing, so the opener tries again. */
export class MirrorBusyError extends ConsoleError {
  constructor(file: string) {
    super(
      'MIRROR_BUSY',
      `The mirror database ${clip(file)} is busy (another connection holds its lock).`,
      'Nothing to do: the console tries again in a moment.',
    );
  }
}
