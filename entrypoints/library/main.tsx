// First: start reading the library's small "recent head" while the rest of the page's script loads; the first
// render waits for it (a few KB), so the first paint already shows the first rows.
import { takeHeadRead } from '../../src/popup/index-prefetch';
import { render } from 'preact';
import { App } from '../../src/popup/App';
import { t } from '../../src/i18n/t';
import '../../src/popup/popup.css';

// The full-page library (library.html): a tab opened from the popup, the overlay, the context menu or a shortcut.
// ?tab=<id> names the page it was opened from ("Save this page"); opened on its own, there is no page to save.
const param = new URLSearchParams(location.search).get('tab');
const tab = param !== null && /^\d+$/.test(param) ? Number(param) : undefined;
document.title = t('libraryTitle');
document.documentElement.lang = navigator.language;
void takeHeadRead().then((head) => {
  performance.mark('unwrap:popup:head-read');
  render(<App variant="library" fromTab={tab} head={head} />, document.getElementById('app')!);
});
