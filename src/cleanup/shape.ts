import type { PhraseShape } from './phrases';

/** The kind of chrome a block is: a phrase shape, or a dialog/fixed layer found by its markup. */
export type BlockShape = PhraseShape | 'overlay';
