/** The browser Web Worker face of the engine. */
import { expose } from 'comlink';
import { engineApi } from '../api.ts';

expose(engineApi);
