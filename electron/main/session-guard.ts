/** The slice of Electron's Session the guard touches (tests stand it in). */
export interface GuardedSession {
  setPermissionRequestHandler(
    handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: () => boolean): void;
  setDevicePermissionHandler(handler: () => boolean): void;
  setDisplayMediaRequestHandler(
    handler: (request: unknown, callback: (streams: Record<string, never>) => void) => void,
  ): void;
  on(
    event: 'select-hid-device' | 'select-serial-port' | 'select-usb-device',
    listener: (event: { preventDefault(): void }, details: unknown, callback: (id: string) => void) => void,
  ): unknown;
}

/**
 * The console needs no camera, microphone, screen, notifications from pages, USB, HID, serial or Bluetooth device:
 * every permission request and check is denied, screen capture gets no stream, and device pickers choose nothing.
 */
export function denyPermissionsAndDevices(session: GuardedSession): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.setDisplayMediaRequestHandler((_request, callback) => callback({}));
  for (const event of ['select-hid-device', 'select-serial-port', 'select-usb-device'] as const) {
    session.on(event, (pick, _details, callback) => {
      pick.preventDefault();
      callback('');
    });
  }
}
