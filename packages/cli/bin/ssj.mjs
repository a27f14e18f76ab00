#!/usr/bin/env node
// ssj — OpenSSJ command line. Runs the TypeScript sources through tsx.
import { register } from 'tsx/esm/api';
register();
await import('../src/main.ts');
