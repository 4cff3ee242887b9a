/**
 * The styles of a Word document (word/styles.xml), as far as reading a plan needs them: which
 * paragraph styles are headings, which are bold, which are lists. Paragraphs name their style by
 * id ("Heading1", or "Rubrik1" in a Swedish Word); styles.xml gives each id its built-in name
 * ("heading 1", in English whatever the language), its outline level and the style it is based on.
 */
import { attribute, walkXml, within } from './xml';

/**
 * Heading styles by built-in name ("heading 1", "Title") or by the ids Word gives them in English,
 * Swedish, Danish and Norwegian ("Heading1", "Rubrik1", "Overskrift1", "Rubrik", "Titel"), which
 * is all there is to go by when a document has no styles part.
 */
const HEADING_STYLE = /^(?:heading|rubrik|overskrift) ?[1-9]$|^(?:title|titel|rubrik)$/i;

/** The heading level (1–9) of an outline level (0–8; 9 is body text). */
export function outlineHeading(outline: number | undefined): number | undefined {
  return outline !== undefined && Number.isInteger(outline) && outline >= 0 && outline <= 8 ? outline + 1 : undefined;
}

/** A heading style's level: "heading 2" is 2, a title 0 (above every heading). */
function namedLevel(name: string): number | undefined {
  return HEADING_STYLE.test(name) ? Number(/\d$/.exec(name)?.[0] ?? 0) : undefined;
}

/** `<w:b/>`, `<w:b w:val="1"/>` and `"true"`/`"on"` are bold; `"0"`, `"false"` and `"off"` are not. */
export function isOn(value: string | undefined): boolean {
  return value === undefined || !['0', 'false', 'off'].includes(value.toLowerCase());
}

interface Style {
  name: string;
  basedOn?: string;
  outline?: number;
  bold?: boolean;
  list?: boolean;
}

/** Styles inherit along `basedOn`; a chain longer than this is a loop or a hostile file. */
const INHERITANCE_DEPTH = 20;

export class Styles {
  constructor(private readonly byId: ReadonlyMap<string, Style> = new Map()) {}

  /** The level of a paragraph style that is a heading (0 for a title), else undefined. */
  headingLevel(id: string | undefined): number | undefined {
    if (id === undefined) return undefined;
    return this.inherited(id, (s) => namedLevel(s.name) ?? outlineHeading(s.outline)) ?? namedLevel(id);
  }

  bold(id: string | undefined): boolean | undefined {
    return this.inherited(id, (s) => s.bold);
  }

  isList(id: string | undefined): boolean {
    return this.inherited(id, (s) => s.list) ?? false;
  }

  /** The first answer along the style and the styles it is based on. */
  private inherited<T>(id: string | undefined, answer: (style: Style) => T | undefined): T | undefined {
    for (let i = 0; id !== undefined && i < INHERITANCE_DEPTH; i++) {
      const style = this.byId.get(id);
      if (!style) return undefined;
      const found = answer(style);
      if (found !== undefined) return found;
      id = style.basedOn;
    }
    return undefined;
  }
}

export function readStyles(xml: string | undefined): Styles {
  const byId = new Map<string, Style>();
  if (xml === undefined) return new Styles(byId);
  let current: (Style & { id: string }) | undefined;
  walkXml(xml, {
    open(name, a, ancestors) {
      if (name === 'style') {
        const id = attribute(a, 'styleId');
        current = id ? { id, name: '' } : undefined;
        return;
      }
      if (!current) return;
      // Only the style's own properties: table styles nest conditional ones (<w:tblStylePr>).
      const own = (...path: string[]) => within(ancestors, 'style', ...path);
      const val = attribute(a, 'val');
      if (name === 'name' && own()) current.name = val ?? '';
      else if (name === 'basedOn' && own()) current.basedOn = val;
      else if (name === 'outlineLvl' && own('pPr')) current.outline = Number(val);
      else if (name === 'numId' && own('pPr', 'numPr')) current.list = val !== '0';
      else if (name === 'b' && own('rPr')) current.bold = isOn(val);
    },
    close(name) {
      if (name === 'style' && current) {
        if (!byId.has(current.id)) byId.set(current.id, current);
        current = undefined;
      }
    },
  }, { format: 'docx' });
  return new Styles(byId);
}
