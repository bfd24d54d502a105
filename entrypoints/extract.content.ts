import { extractForSaving } from '../src/content/extract-for-saving';

// Injected on demand by the background to save a page ("Save this page", context menu); returns the article.
export default defineContentScript({
  registration: 'runtime',
  matches: [],
  cssInjectionMode: 'manual',
  noScriptStartedPostMessage: true,
  main: () => extractForSaving(document, location.href),
});
