import { runReader } from '../src/content/reader-main';

// Injected on demand (toolbar, shortcut, context menu, launcher) by the background with scripting.executeScript.
export default defineContentScript({
  registration: 'runtime',
  matches: [],
  cssInjectionMode: 'manual',
  noScriptStartedPostMessage: true,
  main: (ctx) => runReader(ctx),
});
