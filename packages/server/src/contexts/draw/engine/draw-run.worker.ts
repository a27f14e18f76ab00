/**
 * Worker thread for server-side draws: runs core's pure runDraw with the native hasher (JS
 * fallback) off the event loop, so the API stays responsive. Input and output are plain data.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runDraw, type DrawInput } from '@openssj/core';
import { serverTicketHasher } from './native-ticket-hasher';

// workerData comes from runDrawOffThread in this package, which passes a DrawInput.
const input = workerData as DrawInput;
const hasher = serverTicketHasher();
parentPort?.postMessage({ hasher: hasher.name, result: runDraw(input, hasher) });
