/**
 * Plain words for the reasons of removed blocks (`upsell:<shape>`, `aggregator:<site>:<kind>`, `prune:<x>`): the
 * label is chosen by the reason's last segment, so every stage's vocabulary maps to one list; anything unknown
 * reads "Other page chrome". Pure apart from the catalogue lookup.
 */
import { t, type MessageKey } from '../i18n/t';

const BY_KIND: Readonly<Record<string, MessageKey>> = {
  gate: 'removedKindGate', 'app-gate': 'removedKindGate', upsell: 'removedKindGate',
  member: 'removedKindSignin', membership: 'removedKindSignin', signin: 'removedKindSignin',
  value: 'removedKindPitch', pitch: 'removedKindPitch', subscribe: 'removedKindPitch', cta: 'removedKindPitch',
  'signup-box': 'removedKindSignupBox', signup: 'removedKindSignupBox', 'signup-banner': 'removedKindSignupBox',
  trial: 'removedKindTrial',
  app: 'removedKindApp',
  newsletter: 'removedKindNewsletter',
  cookie: 'removedKindCookie', consent: 'removedKindCookie',
  share: 'removedKindShare', tools: 'removedKindShare',
  support: 'removedKindSupport',
  rail: 'removedKindRelated', related: 'removedKindRelated', 'flipped-into': 'removedKindRelated', blindspot: 'removedKindRelated',
  overlay: 'removedKindPopup', popup: 'removedKindPopup', 'intro-popup': 'removedKindPopup',
  promo: 'removedKindPromo',
  ad: 'removedKindAd', ads: 'removedKindAd',
  feedback: 'removedKindFeedback',
  'continue-reading': 'removedKindReadMore', readmore: 'removedKindReadMore',
  comments: 'removedKindComments', responses: 'removedKindComments',
  nav: 'removedKindNav', topbar: 'removedKindNav', header: 'removedKindNav',
  footer: 'removedKindFooter',
  'author-box': 'removedKindAuthorBox',
};

/** The message key for a reason: by its last `:` segment, else the "Other page chrome" fallback. */
export function removedLabelKey(reason: string): MessageKey {
  const kind = reason.split(':').pop()?.trim().toLowerCase() ?? '';
  return BY_KIND[kind] ?? 'removedKindChrome';
}

export function removedLabel(reason: string): string {
  return t(removedLabelKey(reason));
}
