/**
 * zod without its eval fast path: zod 4 probes `new Function` to compile object parsers, and the
 * app's Content-Security-Policy (script-src 'self', no 'unsafe-eval') reports that probe as a
 * violation. Imported first by main.tsx, before any schema is built.
 */
import { z } from 'zod';

z.config({ jitless: true });
