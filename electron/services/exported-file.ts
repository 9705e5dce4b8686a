// What every export produces. No API method writes a file: the method returns the bytes and the caller
// saves them (the desktop through a save dialog, the browser as a download, the CLI to its -o file).
export interface ExportedFile {
  fileName: string;
  mimeType: string;
  data: Buffer;
}

/** An export as an API result: bytes travel as base64 in JSON, over IPC and HTTP alike. */
export const exportResult = ({ fileName, mimeType, data }: ExportedFile) => ({ fileName, mimeType, base64: data.toString('base64') });
