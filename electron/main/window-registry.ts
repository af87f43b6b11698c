/** The slice of Electron's BrowserWindow the registry touches (tests stand it in). */
export interface RegisteredWindow {
  readonly webContents: { readonly id: number; send(channel: string, payload: unknown): void };
  on(event: 'closed', listener: () => void): unknown;
  isDestroyed(): boolean;
}

/**
 * The one list of the console's own windows: the main window (however many times it is opened, as on macOS after
 * every window closed) and each print window. IPC serves only senders registered here, and events reach exactly
 * these windows.
 */
export class WindowRegistry<W extends RegisteredWindow = RegisteredWindow> {
  private readonly windows = new Map<number, W>();

  register(window: W): W {
    const id = window.webContents.id;
    this.windows.set(id, window);
    window.on('closed', () => this.windows.delete(id));
    return window;
  }

  has(webContentsId: number): boolean {
    return this.windows.has(webContentsId);
  }

  /** Sends an event to every registered window still open. */
  broadcast(channel: string, payload: unknown): void {
    for (const window of this.windows.values()) if (!window.isDestroyed()) window.webContents.send(channel, payload);
  }
}

/**
 * Opens the main window, registered like every window: at start and again on macOS `activate`, through this one
 * path, so a reopened window is served and gets events exactly like the first.
 */
export function mainWindowOpener<W extends RegisteredWindow>(registry: WindowRegistry<W>, create: () => W) {
  let current: W | null = null;
  return {
    current: () => current,
    open(): W {
      if (current && !current.isDestroyed()) return current;
      const window = registry.register(create());
      current = window;
      window.on('closed', () => {
        if (current === window) current = null;
      });
      return window;
    },
  };
}
