/**
 * Worker thread for server-side draws: runs core's pure runScannedDraw (assignment and the record)
 * with the native hasher (JS fallback) off the event loop, so the API stays responsive. Input and
 * output are plain data.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runScannedDraw, type ScannedDrawInput } from '@openssj/core';
import { serverTicketHasher } from './native-ticket-hasher';

// workerData comes from runDrawOffThread in this package, which passes a ScannedDrawInput.
const input = workerData as ScannedDrawInput;
const hasher = serverTicketHasher();
parentPort?.postMessage({ hasher: hasher.name, result: runScannedDraw(input, hasher) });
