/**
 * The product's wxt.config.ts, built into bench/.build (or bench/.build-test for a test build,
 * UNWRAP_TEST_BUILD=1) instead of .output, so that a bench run measures the tree as it was when the bench started
 * even if someone else builds meanwhile.
 */
import { resolve } from 'node:path';
import base from '../wxt.config';

const test = process.env.UNWRAP_TEST_BUILD === '1';
export default { ...base, root: resolve(import.meta.dirname, '..'), outDir: resolve(import.meta.dirname, test ? '.build-test' : '.build') };
