/**
 * The product's wxt.config.ts, built into bench/.build instead of .output, so that a bench run measures the tree as
 * it was when the bench started even if someone else builds meanwhile.
 */
import { resolve } from 'node:path';
import base from '../wxt.config';

export default { ...base, root: resolve(import.meta.dirname, '..'), outDir: resolve(import.meta.dirname, '.build') };
