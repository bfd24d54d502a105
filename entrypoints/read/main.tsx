import { render } from 'preact';
import { ReaderPage } from '../../src/reader-page/ReaderPage';
import '../../src/reader/reader.css';
import '../../src/reader-page/reader-page.css';

// The saved-article reader page (read.html?id=<id>): the stored article in the shared ReaderView, offline.
const id = new URLSearchParams(location.search).get('id') ?? '';
render(<ReaderPage id={id} win={window} />, document.getElementById('app')!);
