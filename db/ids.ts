import { createHash, randomUUID } from 'node:crypto';

/** REFI-QDA GUIDs are upper-case RFC 4122 UUIDs. */
export const newGuid = (): string => randomUUID().toUpperCase();

export const nowIso = (): string => new Date().toISOString();

export const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');
