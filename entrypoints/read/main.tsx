import { render } from 'preact';
import { ReaderPage } from '../../src/reader-page/ReaderPage';
import '../../src/reader/reader.css';
import '../../src/reader-page/reader-page.css';

// The saved-article reader page (read.html?id=<id>): the stored article in the shared ReaderView, offline.
// read.html?handoff=<id>: an article handed over by a page that kept closing the reader (not saved).
const params = new URLSearchParams(location.search);
render(<ReaderPage id={params.get('id') ?? ''} handoff={params.get('handoff') ?? undefined} win={window} />, document.getElementById('app')!);
