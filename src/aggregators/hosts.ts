/**
 * The aggregator hosts the static detection script runs on, each with the reason it is there.
 * Imported by wxt.config.ts (manifest `content_scripts.matches` and `host_permissions`) and by runtime code,
 * so the manifest and the adapters can never disagree. Keep it free of imports: wxt.config.ts loads it in Node.
 */
export interface HostEntry {
  readonly pattern: string;
  readonly reason: string;
}

export const AGGREGATOR_HOSTS: readonly HostEntry[] = [
  { pattern: '*://*.inkl.com/*', reason: 'inkl: publisher articles wrapped in inkl\u2019s subscription pitch' },
  { pattern: '*://d33gy59ovltp76.cloudfront.net/*', reason: 'inkl\u2019s mirror host for the same articles' },
  { pattern: '*://www.msn.com/*', reason: 'MSN / Microsoft Start: syndicated articles rendered in shadow DOM' },
  { pattern: '*://*.yahoo.com/*', reason: 'Yahoo News, Finance, Sports and regional editions (CAAS articles)' },
  { pattern: '*://flipboard.com/*', reason: 'Flipboard article pages with sign-up gates' },
  { pattern: '*://*.newsbreak.com/*', reason: 'NewsBreak article pages with app prompts' },
  { pattern: '*://ground.news/*', reason: 'Ground News story pages with subscription pop-ups' },
  { pattern: '*://*.smartnews.com/*', reason: 'SmartNews article pages with app prompts' },
  { pattern: '*://*.pressreader.com/*', reason: 'PressReader article view with promo and app links' },
  { pattern: '*://news.google.com/*', reason: 'Google News redirect stubs: offer the destination' },
  { pattern: '*://apple.news/*', reason: 'Apple News link stubs: offer the destination' },
  { pattern: '*://*.newsnow.co.uk/*', reason: 'NewsNow redirect interstitials' },
  { pattern: '*://*.newsnow.com/*', reason: 'NewsNow redirect interstitials' },
  { pattern: '*://medium.com/*', reason: 'Medium posts with membership and sign-up upsells' },
  { pattern: '*://*.medium.com/*', reason: 'Medium publication subdomains' },
  { pattern: '*://*.substack.com/*', reason: 'Substack posts with subscribe prompts' },
];

export const AGGREGATOR_MATCHES: string[] = AGGREGATOR_HOSTS.map((h) => h.pattern);
