// First: start reading the library's small "recent head" while the rest of the page's script loads; the first
// render waits for it (a few KB), so the first paint already shows the first rows.
import { takeHeadRead } from '../../src/popup/index-prefetch';
import { render } from 'preact';
import { App } from '../../src/popup/App';
import { t } from '../../src/i18n/t';
import '../../src/popup/popup.css';

// The toolbar popup: the current tab (Read, Save) above the saved list; the same components as the library page.
document.title = t('popupTitle');
document.documentElement.lang = navigator.language;
void takeHeadRead().then((head) => {
  performance.mark('unwrap:popup:head-read');
  render(<App variant="popup" head={head} />, document.getElementById('app')!);
});
