/** Maintained-list selectors (aggregators.md §3): a block they match is chrome of the shape given. */
import type { BlockShape } from './shape';

/** Maintained-list selectors (aggregators.md §3) with the shape they imply. */
export const SEEDS: ReadonlyArray<readonly [string, BlockShape]> = [
  [
    'amp-app-banner, .smartbanner, .smartbanner-container, .smartbanner--ios, .smartbanner--android, #smartbanner, ' +
      '.mobile-app-banner, .open-app-banner, .native-app-banner, .app-banner, .app-banner-container, .app-banner-header, ' +
      '.header-app-banner, .gh-app-banner, .mobile-download-app-tout, .footer__download-app-container, .p-webtoapp-banner, ' +
      '[class^="adjust-smart-banner"], #app-promo-overlay, #aside-app-banner, #mn-app-banner, #amp-smart-banner-download, ' +
      '.android-smart-banner, .app-promo, #app-promo',
    'app',
  ],
  [
    '.notification-upsell-push, #push-subscription-prompt, .push-subscription-prompt, #pushSubscribeModal, ' +
      '#subscribeToWebPush, .PushSubscription-block, #notificationPopup',
    'support',
  ],
  [
    '.jetpack_subscription_widget, .Sailthru_Subscribe, .wp-block-xwp-newsletter-subscription, .w-newsletter-in_article, ' +
      '.smartmag-widget-newsletter, .newsletter-slice, .newsletter-inbodyContent-slice, .skinny-signup, ' +
      '.mailpoet_form_popup_overlay, .mailpoet_form, .sqs-popup-overlay, .followit--follow-form-container, ' +
      '.widget_blog_subscription, #mc_embed_signup, .piano-inline-promo, .piano-newsletter, .piano--sidebar, ' +
      '#piano-article-newsletter, #piano-newsletter-inline, [data-module="newsletter-signup"], ' +
      '[data-testid="NewsletterSubscribeFormWrapper"], .inline-newsletter-subscribe, .newsletter-signup-overlay, ' +
      '#signup_interstitial, #signup_interstitial_overlay, .subscription-widget-wrap, .subscribe-widget, .email-signup',
    'newsletter',
  ],
  [
    '#piano_bottom_ribbon_wrapper, #piano-infobar-container, #wall-bottom-drawer, .regwall-overlay, .tp-modal, ' +
      '.tp-backdrop, .Mg2-connext, .connext-modal-backdrop, .tnc-overlay',
    'gate',
  ],
  [
    '#credential_picker_container, #credential_picker_iframe, .tmblr-iframe--follow-teaser, #wbounce-modal, ' +
      '#trd-exitintentbox, .gs-subscribe, .exit-intent-popup, .intro-popup, .default-intro-popup, .bx-impress, ' +
      '.gnt_mol_oy, .mntl-dialog--campaign, .pum-overlay, #boxzilla-overlay, .boxzilla-container, .mfp-wrap, .mfp-bg, ' +
      '.fancybox-overlay, .swal2-container, .modal-backdrop, .ReactModalPortal, .ReactModal__Overlay, ' +
      '.elementor-popup-modal, .hustle-popup, .marketing-bar',
    'overlay',
  ],
  [
    '.td-more-articles-box, .OUTBRAIN, .ob-widget, [id^="taboola-"], .trc_related_container, .trc_rbox_container, ' +
      '[class*="trc_rbox"]',
    'rail',
  ],
  [
    '#onetrust-consent-sdk, #onetrust-banner-sdk, #CybotCookiebotDialog, .cc-window, .cookie-banner, .cookie-notice, ' +
      '#cookie-notice, #cookie-law-info-bar, .qc-cmp2-container, #qc-cmp2-container, [id^="sp_message_container"], ' +
      '.fc-consent-root, #didomi-host, .didomi-popup, #usercentrics-root, .osano-cm-window, #truste-consent-track, ' +
      '.truste_box_overlay, .upsell-gdpr-banner-container',
    'cookie',
  ],
];

