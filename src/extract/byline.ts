/**
 * The byline as the page shows it to a reader. Readability prefers the metadata author ("Elena Moravec") over the
 * visible credit line ("Elena Moravec in Prague and agencies"), reports credit lines raw ("Story by Ann Lee • 1d",
 * "Ellen Frost | 6/18/2019") and misses bylines rendered in a component. Here:
 *
 *  1. visible candidates are found before Readability runs: author/byline markup, an adapter's hint, and short lines
 *     that start with a byline prefix ("By", "Story by", "Von", "Par", "Por"…), nearest to the headline first;
 *  2. a candidate is cleaned: the prefix goes, and so do the parts after a separator that are a date, a time, an age
 *     or a reading time, and a role after the name ("Environment correspondent");
 *  3. the visible credit wins when it names the metadata author (it says more: "in Prague and agencies", a second
 *     author); else the metadata author; else the visible credit.
 */
import { headlineOf } from '../dom/headline';
import { isLinkish } from '../dom/links';
import { normaliseText } from '../dom/text';
import { allElements } from '../dom/walk';

const BYLINE_MARKUP =
  '[rel~="author"], [itemprop~="author"], [class*="byline" i], [id*="byline" i], [class*="author" i], [class*="contributor" i], [data-testid*="byline" i], [data-testid*="author" i], address';

/** "By", "Story by", "Written by", and their equivalents in the languages we ship. */
const PREFIX =
  /^(?:(?:story|written|words|reporting|text|texte|texto|report)\s+by|by|von|par|por|di|door|av|af|histoire de|geschichte von|texte\s*:|texto\s*:|text\s*:|autor(?:in)?\s*:|auteur\s*:|author\s*:)\s*:?\s+/i;

const MONTH =
  '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|januar|februar|märz|mai|juni|juli|oktober|dezember|janv|févr|mars|avr|juin|juil|août|déc|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre)[a-zéû]*\\.?';
const WEEKDAY = '(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day)?|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|viernes|sábado|domingo';

/** A part of a credit line that is a date, time, age or reading time, not a name. */
const NOT_A_NAME = new RegExp(
  [
    `^(?:${WEEKDAY})\\b`,
    `^${MONTH}\\s+\\d{1,2}\\b`,
    `^\\d{1,2}\\.?\\s+${MONTH}`,
    '^\\d{1,4}[./-]\\d{1,2}([./-]\\d{1,4})?',
    '^\\d+\\s*(?:s|m|h|d|w|y|min|mins|hr|hrs|h\\.|std\\.?|tg\\.?|j|jours?|días?|dias?|giorni|minutes?|hours?|days?|weeks?|stunden?|tagen?|heures?|horas?|ore)\\b',
    '^\\d+\\s*(?:min|minute|minutes|minuten|minutos|minuti)\\b.*\\b(?:read|lesezeit|lecture|lectura|leitura|lettura)\\b',
    '^(?:updated|published|posted|modified|aktualisiert|veröffentlicht|mis à jour|publié|actualizado|publicado|aggiornato|pubblicato)\\b',
    '^(?:\\d+|an?|one)\\s+(?:minutes?|hours?|days?|weeks?)\\s+ago\\b',
    '^(?:vor|il y a|hace|há)\\s+\\d+',
    '^(?:today|yesterday|heute|gestern|hier|ayer|hoy|oggi|ieri)\\b',
    '^\\d{1,2}:\\d{2}',
    '^\\d{4}$',
  ].join('|'),
  'i',
);

/** Job titles after a name ("Environment correspondent", "Senior Fantasy Analyst"). */
const ROLE =
  /\b(?:correspondent|editor|reporter|analyst|writer|columnist|contributor|staff|producer|journalist|critic|chief|bureau|intern|photographer|redakteur(?:in)?|korrespondent(?:in)?|reporter(?:in)?|journaliste|rédact(?:eur|rice)|correspondant(?:e)?|periodista|corresponsal|redactor(?:a)?|redattore|redattrice|giornalista|inviato|inviata)\b/i;

/** Words that join more credit to a name: "in Prague", "and agencies", "avec La Presse Canadienne". */
const CONNECTOR = /^(?:,\s*)?(?:in|and|with|&|avec|et|und|mit|y|e|con|from|aus|de|en|für|for)\s/i;

/** Separators between the parts of a credit line. */
const SEPARATOR = /\s*(?:[•·|‧∙]|\s[-–—]\s)\s*/;

/** A visible credit line: its text, and the texts of its parts as marked up (name link, role span, date). */
export interface Credit {
  readonly text: string;
  readonly parts: readonly string[];
}

/**
 * One cleaned credit: prefix gone, the parts after the name that are dates, ages, reading times or roles dropped.
 * `parts` (the line's pieces as marked up) let a role in its own element go whole ("BuzzFeed News Reporter").
 */
export function cleanCredit(raw: string, knownName: string | null = null, parts: readonly string[] = []): string | null {
  const roleAt = parts.findIndex((p, i) => i > 0 && ROLE.test(p) && !CONNECTOR.test(p) && !(knownName && p.toLowerCase().includes(knownName.toLowerCase())));
  const whole = normaliseText(roleAt > 0 ? parts.slice(0, roleAt).join(' ') : raw);
  const prefixed = PREFIX.test(whole);
  let text = whole.replace(PREFIX, '');
  if (!text) return null;
  // Parts after a separator: keep while they read like more credit, stop at the first date/age/reading time.
  const pieces = text.split(SEPARATOR).filter(Boolean);
  const kept: string[] = [];
  for (const part of pieces) {
    if (NOT_A_NAME.test(part) || /^\d/.test(part)) break;
    kept.push(part);
  }
  text = kept.join(' · ');
  // A date glued to the name without a separator ("Jordan Ellis Sun, October 12, 2025 at 5:15 AM").
  const words = text.split(' ');
  for (let i = 1; i < words.length; i++) {
    if (NOT_A_NAME.test(words.slice(i).join(' '))) {
      text = words.slice(0, i).join(' ').replace(/[,;:]$/, '');
      break;
    }
  }
  const beforeRole = text;
  text = trimRole(text, knownName);
  text = text.replace(/[\s,;:·•|–—-]+$/, '').trim();
  if (!text || text.length > 150 || !/\p{L}/u.test(text) || /^https?:\/\//i.test(text)) return null;
  // One word left of a line that was mostly a date ("Last Updated: January 7, 2025"): not a credit.
  if (!prefixed && !text.includes(' ') && whole.length > text.length + 3 && beforeRole === text && !knownName) return null;
  return text;
}

/** Drop a job title after the name; keep "in City", "and agencies", a second author. */
function trimRole(text: string, knownName: string | null): string {
  if (knownName) {
    const at = text.toLowerCase().indexOf(knownName.toLowerCase());
    if (at === 0) {
      const rest = text.slice(knownName.length);
      if (!rest.trim()) return knownName; // the metadata's spelling ("Jeffrey Gettleman", not "JEFFREY GETTLEMAN")
      if (ROLE.test(rest) && !CONNECTOR.test(rest.trim())) return knownName;
      if (!CONNECTOR.test(rest.trim()) && !/^\s*,\s*\p{Lu}/u.test(rest)) return knownName;
      return text;
    }
  }
  const words = text.split(' ');
  for (let i = 2; i < words.length; i++) {
    if (CONNECTOR.test(`${words[i]} `)) return text; // more credit follows: a role here belongs to someone else
    if (ROLE.test(words.slice(i, i + 3).join(' '))) return words.slice(0, i).join(' ').replace(/,$/, '');
  }
  return text;
}

/** The pieces of a credit line as marked up: each child's text (text runs and elements), in order. */
function partsOf(el: Element, out: string[] = []): string[] {
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && (n as Element).firstElementChild) partsOf(n as Element, out);
    else {
      const t = normaliseText(n.textContent ?? '');
      if (t) out.push(t);
    }
  }
  return out;
}

/** Visible credit lines near the headline, nearest first (at most a few). */
export function visibleCredits(doc: Document, hint: Element | null = null): Credit[] {
  const body = doc.body;
  if (!body) return [];
  const headline = headlineOf(doc);
  const elements = allElements(body);
  const at = headline ? elements.indexOf(headline) : 0;
  const candidates: Array<Credit & { distance: number }> = [];
  const consider = (el: Element, distance: number): void => {
    const text = normaliseText(el.textContent ?? '');
    if (!text || text.length > 200) return;
    if (el.closest('nav, footer, aside, [role="navigation"], [role="contentinfo"]') || inCardList(el)) return;
    candidates.push({ text, parts: partsOf(el), distance });
  };
  if (hint) consider(hint, -1);
  for (let i = 0; i < elements.length; i++) {
    const el = elements[i]!;
    const distance = Math.abs(i - at);
    if (distance > 80) continue;
    if (el.matches(BYLINE_MARKUP)) {
      // The outermost byline element holds the whole credit; its author link alone is only part of it.
      const outer = el.parentElement?.closest(BYLINE_MARKUP);
      if (outer && normaliseText(outer.textContent ?? '').length <= 200) continue;
      if (isLinkish(el) && el.parentElement && normaliseText(el.parentElement.textContent ?? '').length <= 200 && PREFIX.test(normaliseText(el.parentElement.textContent ?? ''))) {
        consider(el.parentElement, distance);
        continue;
      }
      consider(el, distance);
    } else if (el.childElementCount <= 4 && PREFIX.test(normaliseText(el.textContent ?? '').slice(0, 40)) && normaliseText(el.textContent ?? '').length <= 120) {
      const text = normaliseText(el.textContent ?? '');
      // "By Ann Lee": a prefix, then a capitalised name (not "by the way").
      if (/^\S+(?:\s+by)?\s*:?\s+\p{Lu}/u.test(text) && !el.querySelector('p, li, h1, h2, h3')) consider(el, distance + 0.5);
    }
  }
  candidates.sort((a, b) => a.distance - b.distance);
  const seen = new Set<string>();
  return candidates.filter((c) => (seen.has(c.text) ? false : (seen.add(c.text), true))).slice(0, 4).map(({ text, parts }) => ({ text, parts }));
}

/** Inside a list of story cards (a rail's "By X" lines belong to other stories): a list of more than three items. */
function inCardList(el: Element): boolean {
  const li = el.closest('li');
  const list = li?.parentElement;
  return !!list && (list.tagName === 'UL' || list.tagName === 'OL') && list.children.length > 3;
}

/**
 * The byline to show: the visible credit when it names the metadata author (or there is no metadata author), cleaned;
 * otherwise the metadata author, cleaned. `metadataAuthor` is what Readability reported (it prefers metadata).
 */
export function chooseByline(visible: readonly Credit[], metadataAuthor: string | null): string | null {
  const meta = metadataAuthor ? cleanCredit(metadataAuthor) : null;
  for (const v of visible) {
    const cleaned = cleanCredit(v.text, meta, v.parts);
    if (!cleaned) continue;
    if (!meta) return looksLikeCredit(cleaned) ? cleaned : null;
    const at = cleaned.toLowerCase().indexOf(meta.toLowerCase());
    // The metadata author first ("Ann Lee in Paris"), or last in a list of authors ("Bo Chen, Cy Dee and Ann Lee");
    // anything else before the name is a label ("Tech Insider Ann Lee", "Deal Professor By ANN LEE").
    if (at === 0 || (at > 0 && /(?:,|\s(?:and|&|y|et|und|e|con|with))\s$/i.test(cleaned.slice(0, at)))) return cleaned;
  }
  return meta;
}

/** A credit names someone: letters, a few words, not a sentence or a label such as "Follow Author". */
function looksLikeCredit(text: string): boolean {
  const words = text.split(' ');
  if (words.length > 16) return false;
  if (/[.!?]$/.test(text) && words.length > 6) return false;
  return !/^(follow|share|comments?|subscribe|sign in|log in|menu|home)\b/i.test(text);
}
