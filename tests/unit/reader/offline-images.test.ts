// @vitest-environment node
// Offline images: which images a body shows, keeping them within the budget, stored copies and placeholders.
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { JSDOM } from 'jsdom';
import {
  formatBytes, forgetImages, imageUrlsOf, keepImages, readKeptImages, readStorageUse, recordStorageUse, storeImagesFor,
} from '../../../src/library/offline-images';
import { applyImageSource } from '../../../src/reader/image-source';

const png = (n: number) => new Uint8Array(n).fill(7);
const respond = (body: Uint8Array | string, type: string, status = 200) =>
  new Response(body as BodyInit, { status, headers: { 'content-type': type } });

describe('which images', () => {
  it('reads img src from sanitised HTML (entities decoded), adds the lead image, http(s) only, once each', () => {
    const html = '<p><img src="https://a.example/1.jpg?w=1&amp;h=2" alt=""></p><img loading="lazy" src="https://a.example/2.png"><img src="data:image/png;base64,AA"><img src="https://a.example/2.png">';
    expect(imageUrlsOf(html, ['https://a.example/lead.jpg', null])).toEqual(['https://a.example/1.jpg?w=1&h=2', 'https://a.example/2.png', 'https://a.example/lead.jpg']);
  });
});

describe('keeping images', () => {
  it('stores images as data URLs until the budget is spent; failures are listed with their reason', async () => {
    const fetch = vi.fn(async (url: string) => {
      if (url.endsWith('/big.jpg')) return respond(png(800), 'image/jpeg');
      if (url.endsWith('/page.html')) return respond('<html>', 'text/html');
      if (url.endsWith('/gone.jpg')) return respond('', 'text/plain', 404);
      return respond(png(300), 'image/png');
    });
    const kept = await keepImages(['https://x/a.png', 'https://x/page.html', 'https://x/gone.jpg', 'https://x/big.jpg', 'https://x/b.png'], { fetch, budget: 1000, now: () => 5 });
    expect(Object.keys(kept.images)).toEqual(['https://x/a.png', 'https://x/b.png']);
    expect(kept.images['https://x/a.png']).toMatch(/^data:image\/png;base64,/);
    expect(kept.bytes).toBe(600);
    expect(kept.skipped).toEqual([
      { url: 'https://x/page.html', reason: 'not an image (text/html)' },
      { url: 'https://x/gone.jpg', reason: 'HTTP 404' },
      { url: 'https://x/big.jpg', reason: 'over the per-article budget' },
    ]);
  });

  it('shrinks large raster images, never SVG', async () => {
    const shrink = vi.fn(async () => new Blob([png(10)], { type: 'image/webp' }));
    const fetch = async (url: string) => (url.endsWith('.svg') ? respond('<svg xmlns="http://www.w3.org/2000/svg"/>'.padEnd(300_000), 'image/svg+xml') : respond(png(300_000), 'image/jpeg'));
    const kept = await keepImages(['https://x/photo.jpg', 'https://x/logo.svg'], { fetch, shrink });
    expect(shrink).toHaveBeenCalledTimes(1);
    expect(kept.images['https://x/photo.jpg']).toMatch(/^data:image\/webp;base64,/);
    expect(kept.images['https://x/logo.svg']).toMatch(/^data:image\/svg\+xml;base64,/);
  });

  it('stores, reads back, records storage use, and forgets purged articles', async () => {
    const local = fakeBrowser.storage.local;
    await recordStorageUse(local, 'a1', { text: 1200 });
    await storeImagesFor(local, 'a1', ['https://x/a.png'], { fetch: async () => respond(png(50), 'image/png') });
    expect((await readKeptImages(local, 'a1'))?.images['https://x/a.png']).toMatch(/^data:image\/png/);
    expect(await readStorageUse(local)).toEqual({ a1: { text: 1200, images: 50 } });
    await local.set({ 'images:bad': { v: 1, images: { 'https://x/y': 'javascript:alert(1)' } } });
    expect((await readKeptImages(local, 'bad'))?.images).toEqual({}); // only data:image URLs are used
    await forgetImages(local, ['a1']);
    expect(await readKeptImages(local, 'a1')).toBeNull();
    expect(await readStorageUse(local)).toEqual({});
  });

  it('formats sizes', () => {
    expect(formatBytes(512, 'en')).toBe('512 B');
    expect(formatBytes(1536, 'en')).toBe('1.5 KB');
    expect(formatBytes(5 * 1024 * 1024, 'en')).toBe('5 MB');
  });
});

describe('showing a saved copy', () => {
  it('uses stored copies, and turns an image that cannot load into a placeholder with its caption and a link', () => {
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((key: string) => key) as never);
    const { window } = new JSDOM('<div id="b"><figure><img src="https://x/kept.jpg" srcset="https://x/kept-2x.jpg 2x"><figcaption>Kept</figcaption></figure><figure><img src="https://x/lost.jpg" alt="The lost one"></figure></div>');
    const root = window.document.getElementById('b')!;
    applyImageSource(root, { stored: (u) => (u === 'https://x/kept.jpg' ? 'data:image/png;base64,AA' : null) });
    const [kept, lost] = Array.from(root.querySelectorAll('img'));
    expect(kept!.getAttribute('src')).toBe('data:image/png;base64,AA');
    expect(kept!.hasAttribute('srcset')).toBe(false);
    lost?.dispatchEvent(new window.Event('error')); // jsdom loads no images: it is already known to have failed
    const box = root.querySelector('[data-unwrap="image-placeholder"]')!;
    expect(box.textContent).toContain('The lost one');
    expect(box.querySelector('a')?.getAttribute('href')).toBe('https://x/lost.jpg');
    expect(box.textContent).toContain('imageOffline');
    expect(root.querySelectorAll('img')).toHaveLength(1);
  });
});
