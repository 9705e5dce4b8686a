// Starts a job worker from the TypeScript source (the web host, the CLI and tests run from source):
// a worker does not inherit the tsx loader of the thread that starts it, so it registers its own.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
