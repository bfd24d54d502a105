/**
 * The reader tab's other source (issue 14): an article handed over by a page that kept closing the overlay
 * (`read.html?handoff=<id>`, kept by the background in `storage.session`). It is not in the library: the Save
 * button saves it (the same message the overlay sends), and shows whether the page is saved already.
 */
import { useEffect, useState } from 'preact/hooks';
import { send } from '../messaging/client';
import type { Handoff } from '../messaging/protocol';
import type { SaveControl } from '../reader/ReaderView';

export function loadHandoff(id: string): Promise<Handoff | null> {
  return send('getHandoff', { id });
}

export function useHandoffSave(handoff: Handoff | null): SaveControl | undefined {
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const claims = handoff && { url: handoff.article.url, canonicalUrl: handoff.canonicalUrl, sourceUrl: handoff.article.sourceUrl };
  useEffect(() => {
    if (!claims) return;
    let live = true;
    send('isSaved', claims).then((s) => live && setSaved(Boolean(s.id)), (err: unknown) => console.warn('Unwrap: could not read saved state', err));
    return () => { live = false; };
  }, [handoff]);
  if (!handoff || !claims) return undefined;
  return {
    saved,
    busy,
    onToggle: () => {
      setBusy(true);
      const done = saved ? send('unsaveUrl', claims).then(() => false) : send('saveArticle', { article: handoff.article, canonicalUrl: handoff.canonicalUrl }).then(() => true);
      done.then(setSaved, (err: unknown) => console.error('Unwrap: save failed', err)).finally(() => setBusy(false));
    },
  };
}
