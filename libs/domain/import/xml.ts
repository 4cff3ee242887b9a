/** XML as a stream of tags (saxes): what the XLSX and DOCX readers need, without building a document. */
import { SaxesParser, SaxesTagPlain } from 'saxes';
import { DomainError } from '../errors';
import { IMPORT_LIMITS, tooLarge } from './limits';
import { notReadable, OFFICE_FILES, OfficeFormat } from './zip';

export interface XmlHandlers {
  /** `ancestors`: local names of the open elements around this one, outermost first (read only). */
  open?(name: string, attributes: Record<string, string | undefined>, ancestors: readonly string[]): void;
  text?(text: string): void;
  close?(name: string): void;
}

export interface XmlOptions {
  /** What the XML is part of, for the messages that refuse it. */
  format?: OfficeFormat;
  /** Elements open at once: saxes keeps each open one, so depth is memory a few bytes of XML buy. */
  maxDepth?: number;
}

/** Tag names without their namespace prefix (`x:c` and `c` alike). */
export function walkXml(xml: string, handlers: XmlHandlers, options: XmlOptions = {}): void {
  const { format = 'xlsx', maxDepth = IMPORT_LIMITS.xmlDepth } = options;
  const parser = new SaxesParser({ position: false, xmlns: false });
  const local = (name: string) => name.slice(name.indexOf(':') + 1);
  const open: string[] = [];
  parser.on('opentag', (tag: SaxesTagPlain) => {
    const name = local(tag.name);
    if (open.length >= maxDepth) throw tooLarge(`The ${OFFICE_FILES[format].noun}'s XML nests elements more than ${maxDepth} deep`, 'nesting');
    handlers.open?.(name, tag.attributes, open);
    if (tag.isSelfClosing) handlers.close?.(name);
    else open.push(name);
  });
  if (handlers.text) parser.on('text', handlers.text);
  if (handlers.text) parser.on('cdata', handlers.text);
  parser.on('closetag', (tag: SaxesTagPlain) => {
    if (tag.isSelfClosing) return;
    open.pop();
    handlers.close?.(local(tag.name));
  });
  try {
    parser.write(xml).close();
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw notReadable(`its XML cannot be read (${(error as Error).message.split('\n')[0].slice(0, 200)})`, format);
  }
}

/**
 * An attribute by its local name, whatever prefix the file gives its namespace (Word writes
 * `w:val`; other writers may choose another prefix).
 */
export function attribute(attributes: Record<string, string | undefined>, name: string): string | undefined {
  const found = attributes[`w:${name}`] ?? attributes[name];
  if (found !== undefined) return found;
  for (const key in attributes) if (key.endsWith(`:${name}`)) return attributes[key];
  return undefined;
}

/**
 * The innermost open elements are `path` (`within(ancestors, 'p', 'pPr')`: directly in a
 * paragraph's own properties, not in the earlier ones a tracked change keeps inside them).
 */
export function within(ancestors: readonly string[], ...path: string[]): boolean {
  const start = ancestors.length - path.length;
  return start >= 0 && path.every((name, i) => ancestors[start + i] === name);
}
