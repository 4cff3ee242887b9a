/** Markdown: headings name areas, pipe tables hold the actions (markdown-it's GFM tables). */
import MarkdownIt from 'markdown-it';
import { Block } from './types';

const md = new MarkdownIt({ html: false });

export function parseMarkdown(text: string): Block[] {
  const tokens = md.parse(text, {});
  const blocks: Block[] = [];
  let cells: string[] | undefined;
  let rowLine = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type === 'heading_open') {
      blocks.push({ kind: 'heading', text: stripHeading(tokens[i + 1]?.content ?? ''), row: (t.map?.[0] ?? 0) + 1 });
    } else if (t.type === 'tr_open') {
      cells = [];
      rowLine = (t.map?.[0] ?? 0) + 1;
    } else if ((t.type === 'th_open' || t.type === 'td_open') && cells) {
      cells.push(tokens[i + 1]?.type === 'inline' ? tokens[i + 1].content : '');
    } else if (t.type === 'tr_close' && cells) {
      blocks.push({ kind: 'row', cells: cells.map(unescapePipes), row: rowLine });
      cells = undefined;
    }
  }
  return blocks;
}

function stripHeading(text: string): string {
  return text.replace(/^\s*\d+(\.\d+)*\.?\s+/, '').replace(/[*_`]/g, '').trim();
}

function unescapePipes(cell: string): string {
  return cell.replace(/\\\|/g, '|').replace(/\*\*|__|`/g, '');
}
