import { AGGREGATOR_MATCHES } from '../src/aggregators/hosts';
import { startAggregatorDetection } from '../src/launcher/start';

// Static, aggregator hosts only: detection + the "Read clean" launcher. Reading loads the runtime reader script.
export default defineContentScript({
  matches: AGGREGATOR_MATCHES,
  runAt: 'document_idle',
  noScriptStartedPostMessage: true,
  main: (ctx) => startAggregatorDetection(ctx),
});
