/**
 * The reader page's side of "Keep images for offline reading": the stored copies of this article's images (shown
 * instead of the originals), and the switch. Turning it on asks for the optional host permission inside the
 * click (the only moment a browser allows the question), then has the background keep this article's images.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t, uiLocale } from '../i18n/t';
import { formatBytes, OFFLINE_IMAGE_ORIGINS, readKeptImages, type KeptImages } from '../library/offline-images';
import { send } from '../messaging/client';
import type { ImageSource } from '../reader/image-source';
import type { OfflineImagesToggle } from '../reader/SettingsPanel';
import { updateSettings } from '../settings/settings';

export function useOfflineImages(id: string, enabled: boolean): { images: ImageSource | undefined; toggle: OfflineImagesToggle } {
  const [kept, setKept] = useState<KeptImages | null | undefined>(undefined);
  const [granted, setGranted] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    Promise.resolve()
      .then(() => browser.permissions.contains({ origins: OFFLINE_IMAGE_ORIGINS }))
      .then(setGranted, (err: unknown) => console.warn('Unwrap: offline images permission state unknown', err));
  }, []);
  useEffect(() => {
    if (!id) return;
    readKeptImages(browser.storage.local, id).then(setKept, (err: unknown) => {
      console.warn('Unwrap: kept images not read', err);
      setKept(null);
    });
  }, [id, version]);

  const images = useMemo<ImageSource | undefined>(
    () => (kept === undefined ? undefined : { stored: (url) => kept?.images[url] ?? null }),
    [kept],
  );

  const keepNow = () => {
    setNote(t('offlineImagesSaving'));
    send('keepImages', { id }).then(
      (r) => {
        setNote(t('offlineImagesKept', `${r.kept} (${formatBytes(r.bytes, uiLocale())})`));
        setVersion((v) => v + 1);
      },
      (err: unknown) => setNote(err instanceof Error ? err.message : String(err)),
    );
  };

  const toggle: OfflineImagesToggle = {
    enabled: enabled && granted,
    note,
    onToggle: (on) => {
      if (!on) {
        setNote(null);
        updateSettings({ offlineImages: false }).catch((err: unknown) => console.error('Unwrap: settings not saved', err));
        return;
      }
      // Called synchronously in the click: the browser allows the permission question only there.
      browser.permissions.request({ origins: OFFLINE_IMAGE_ORIGINS }).then(
        async (ok) => {
          setGranted(ok);
          if (!ok) {
            setNote(t('offlineImagesDenied'));
            return;
          }
          await updateSettings({ offlineImages: true });
          keepNow();
        },
        (err: unknown) => setNote(err instanceof Error ? err.message : String(err)),
      );
    },
  };
  return { images, toggle };
}
