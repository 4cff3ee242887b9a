/** XML as a stream of tags (saxes): what the XLSX reader needs, without building a document. */
import { SaxesParser, SaxesTagPlain } from 'saxes';
import { DomainError } from '../errors';
import { notReadable } from './zip';

export interface XmlHandlers {
  open?(name: string, attributes: Record<string, string | undefined>): void;
  text?(text: string): void;
  close?(name: string): void;
}

/** Tag names without their namespace prefix (`x:c` and `c` alike). */
export function walkXml(xml: string, handlers: XmlHandlers): void {
  const parser = new SaxesParser({ position: false, xmlns: false });
  const local = (name: string) => name.slice(name.indexOf(':') + 1);
  parser.on('opentag', (tag: SaxesTagPlain) => {
    handlers.open?.(local(tag.name), tag.attributes);
    if (tag.isSelfClosing) handlers.close?.(local(tag.name));
  });
  if (handlers.text) parser.on('text', handlers.text);
  if (handlers.text) parser.on('cdata', handlers.text);
  parser.on('closetag', (tag: SaxesTagPlain) => {
    if (!tag.isSelfClosing) handlers.close?.(local(tag.name));
  });
  try {
    parser.write(xml).close();
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw notReadable(`its XML cannot be read (${(error as Error).message.split('\n')[0].slice(0, 200)})`);
  }
}
