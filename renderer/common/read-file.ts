/** A chosen file's bytes as base64 (how API methods receive files), read without holding a second copy as text. */
export function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error(`"${file.name}" could not be read.`));
    reader.readAsDataURL(file);
  });
}
