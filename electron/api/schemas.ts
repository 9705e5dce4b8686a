import { MAX_NAME_LENGTH } from '../../shared/limits';
import { z } from 'zod';

// Shared argument pieces. Objects are strict: unknown keys are an error, not silently ignored.
export const none = z.strictObject({});
export const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
export const filePath = z
  .string()
  .min(1)
  .max(4096)
  .refine((p) => !p.includes('\u0000'), 'must not contain NUL characters');
export const name = z.string().trim().min(1).max(MAX_NAME_LENGTH);
