/** The generic upsell detector. (Placeholder: finds nothing until the scoring detector lands.) */
import type { BlockStripper } from '../extract/strip-upsells';

export const genericUpsellStripper: BlockStripper = {
  id: 'upsell',
  find: () => [],
};
