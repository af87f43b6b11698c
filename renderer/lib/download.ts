/** Saves a file through the browser's download (the web host's export path): text as it is, binary from base64. */
export function downloadFile(fileName: string, data: string, encoding: 'utf8' | 'base64', type: string): void {
  const body = encoding === 'utf8' ? data : Uint8Array.from(atob(data), (char) => char.charCodeAt(0));
  const blobType = encoding === 'utf8' ? `${type};charset=utf-8` : type;
  const url = URL.createObjectURL(new Blob([body], { type: blobType }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.rel = 'noopener';
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}
