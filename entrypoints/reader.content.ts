import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { runReader } from '../src/content/reader-main';
import { toggleState } from '../src/reader/toggle';

// Injected on demand (toolbar, shortcut, context menu, launcher) by the background with scripting.executeScript.
// The first run leaves a toggle behind in this isolated world; later presses call it (see open-reader.ts).
export default defineContentScript({
  registration: 'runtime',
  matches: [],
  cssInjectionMode: 'manual',
  noScriptStartedPostMessage: true,
  main: (ctx) => {
    performance.mark('unwrap:reader:loaded'); // once per evaluation of this script (benchmarks, tests)
    toggleState(globalThis).toggle ??= () => runReader(new ContentScriptContext('reader', ctx.options));
    return runReader(ctx);
  },
});
