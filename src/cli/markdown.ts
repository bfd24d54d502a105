/** A small HTML → Markdown conversion of a sanitised article body (headings, paragraphs, lists, links, quotes, code, images). */
import type { Article } from '../extract/types';
import { parseFragment } from '../extract/parse-fragment';

export function toMarkdown(a: Article, doc: Document): string {
  const head = [`# ${a.title}`, '', [a.byline, a.siteName, a.publishedTime?.slice(0, 10)].filter(Boolean).join(' · '), `<${a.url}>`, ''];
  const body = blocks(parseFragment(doc, a.content)).join('\n\n');
  return `${head.join('\n')}\n${body.replace(/\n{3,}/g, '\n\n').trim()}\n`;
}

function blocks(node: ParentNode): string[] {
  const out: string[] = [];
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType === 3) {
      const t = (child.textContent ?? '').replace(/\s+/g, ' ').trim();
      if (t) out.push(t);
      continue;
    }
    if (child.nodeType !== 1) continue;
    const el = child as Element;
    const tag = el.tagName.toLowerCase();
    if (/^h[1-6]$/.test(tag)) out.push(`${'#'.repeat(Number(tag[1]))} ${inline(el)}`);
    else if (tag === 'p') out.push(inline(el));
    else if (tag === 'ul' || tag === 'ol') out.push(Array.from(el.children).map((li, i) => `${tag === 'ol' ? `${i + 1}.` : '-'} ${inline(li)}`).join('\n'));
    else if (tag === 'blockquote') out.push(blocks(el).map((b) => b.split('\n').map((l) => `> ${l}`).join('\n')).join('\n>\n'));
    else if (tag === 'pre') out.push(`\`\`\`\n${el.textContent ?? ''}\n\`\`\``);
    else if (tag === 'img') out.push(image(el));
    else if (tag === 'figure') out.push([...Array.from(el.querySelectorAll('img')).map(image), el.querySelector('figcaption') ? `*${inline(el.querySelector('figcaption')!)}*` : ''].filter(Boolean).join('\n'));
    else if (tag === 'hr') out.push('---');
    else if (tag === 'table') out.push(Array.from(el.querySelectorAll('tr')).map((tr) => `| ${Array.from(tr.children).map((c) => inline(c)).join(' | ')} |`).join('\n'));
    else out.push(...blocks(el));
  }
  return out.filter((b) => b.trim());
}

function image(img: Element): string {
  return `![${img.getAttribute('alt') ?? ''}](${img.getAttribute('src') ?? ''})`;
}

function inline(el: Element): string {
  let s = '';
  for (const n of Array.from(el.childNodes)) {
    if (n.nodeType === 3) s += n.textContent ?? '';
    else if (n.nodeType === 1) {
      const c = n as Element;
      const tag = c.tagName.toLowerCase();
      if (tag === 'a') s += `[${inline(c)}](${c.getAttribute('href') ?? ''})`;
      else if (tag === 'strong' || tag === 'b') s += `**${inline(c)}**`;
      else if (tag === 'em' || tag === 'i') s += `*${inline(c)}*`;
      else if (tag === 'code') s += `\`${c.textContent ?? ''}\``;
      else if (tag === 'br') s += '  \n';
      else if (tag === 'img') s += image(c);
      else s += inline(c);
    }
  }
  return s.replace(/[ \t\n]+/g, ' ').trim();
}
