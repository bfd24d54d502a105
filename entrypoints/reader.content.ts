import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { runReader } from '../src/content/reader-main';
import { toggleState } from '../src/reader/toggle';
import { testMark } from '../src/content/test-marks';

// Injected on demand (toolbar, shortcut, context menu, launcher) by the background with scripting.executeScript.
// The first run leaves a toggle behind in this isolated world; later presses call it (see open-reader.ts).
export default defineContentScript({
  registration: 'runtime',
  matches: [],
  cssInjectionMode: 'manual',
  noScriptStartedPostMessage: true,
  main: (ctx) => {
    testMark('reader:loaded'); // once per evaluation of this script (tests, benchmarks; test build only)
    toggleState(globalThis).toggle ??= () => runReader(new ContentScriptContext('reader', ctx.options));
    return runReader(ctx);
  },
});
