// The bench's reference reader (bench/peer): the toolbar press injects reader.js into the tab through the same
// path Unwrap takes (action.onClicked → scripting.executeScript, activeTab), and later presses in the same document
// call the resident toggle the first run left behind instead of evaluating the script again (as Unwrap does).
const documents = new Map();

function residentToggle() {
  const t = globalThis[Symbol.for('peer.reader.toggle')];
  return t ? t() : 'absent';
}

async function open(tab) {
  const tabId = tab.id;
  const documentId = documents.get(tabId);
  if (documentId) {
    try {
      const [first] = await chrome.scripting.executeScript({ target: { tabId, documentIds: [documentId] }, func: residentToggle });
      if (first && first.result !== 'absent' && first.result !== undefined) return;
    } catch {
      // another document now: inject afresh
    }
    documents.delete(tabId);
  }
  const [first] = await chrome.scripting.executeScript({ target: { tabId }, files: ['reader.js'] });
  if (first && first.documentId) documents.set(tabId, first.documentId);
}

chrome.action.onClicked.addListener((tab) => {
  globalThis.__peerLastOutcome = undefined;
  open(tab).then(
    () => { globalThis.__peerLastOutcome = { ok: true }; },
    (err) => { globalThis.__peerLastOutcome = { ok: false, reason: String(err && err.message || err) }; },
  );
});
chrome.tabs.onUpdated.addListener((tabId, info) => {
  if (info.status === 'loading') documents.delete(tabId);
});
