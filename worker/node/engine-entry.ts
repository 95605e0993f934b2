/** The Node worker_threads face of the engine. */
import { parentPort } from 'node:worker_threads';
import { expose } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { engineApi } from '../api.ts';

if (!parentPort) throw new Error('engine-entry.ts runs only as a worker thread');
expose(engineApi, nodeEndpoint(parentPort));
