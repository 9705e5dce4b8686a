#!/usr/bin/env node
// Runs the TypeScript command line straight from the checkout.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../electron/cli/trellis.ts');
await main();
