// First: start reading the stored index while the rest of the page's script loads (see index-prefetch.ts).
import '../../src/popup/index-prefetch';
import { render } from 'preact';
import { App } from '../../src/popup/App';
import { t } from '../../src/i18n/t';
import '../../src/popup/popup.css';

// The library page: a tab opened from the overlay, the context menu or a shortcut (?tab=<id> = the page to save).
const tab = Number(new URLSearchParams(location.search).get('tab'));
document.title = t('libraryTitle');
document.documentElement.lang = navigator.language;
render(<App fromTab={Number.isInteger(tab) && tab >= 0 && location.search.includes('tab=') ? tab : undefined} />, document.getElementById('app')!);
