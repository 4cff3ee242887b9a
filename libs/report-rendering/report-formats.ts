import { renderReportDocx } from './docx-renderer';
import { renderReportHtml } from './html-renderer';
import { renderReportPdf } from './pdf-renderer';
import { RenderOptions, ReportDocument } from './report-document';
import { renderReportXlsx } from './xlsx-renderer';

export type ReportFormat = 'json' | 'html' | 'pdf' | 'xlsx' | 'docx';

export interface ReportFormatSpec {
  format: ReportFormat;
  /** Bare media type, for matching an Accept header (e.g. express's `req.accepts([...])`). */
  mediaType: string;
  /** What to send as Content-Type. */
  contentType: string;
  extension: string;
  /** Browsers show HTML and JSON; PDF, XLSX and DOCX are files to keep. */
  disposition: 'inline' | 'attachment';
  render(document: ReportDocument, options?: RenderOptions): Promise<Buffer | string>;
}

/**
 * Everything an API controller needs per format, in one lookup: `REPORT_FORMATS[format]`.
 * JSON is the frozen document itself, unchanged (it is the record; the others are views of it).
 */
export const REPORT_FORMATS: Readonly<Record<ReportFormat, ReportFormatSpec>> = {
  json: {
    format: 'json',
    mediaType: 'application/json',
    contentType: 'application/json; charset=utf-8',
    extension: 'json',
    disposition: 'inline',
    render: async (document) => JSON.stringify(document, null, 2),
  },
  html: {
    format: 'html',
    mediaType: 'text/html',
    contentType: 'text/html; charset=utf-8',
    extension: 'html',
    disposition: 'inline',
    render: async (document, options) => renderReportHtml(document, options),
  },
  pdf: {
    format: 'pdf',
    mediaType: 'application/pdf',
    contentType: 'application/pdf',
    extension: 'pdf',
    disposition: 'attachment',
    render: renderReportPdf,
  },
  xlsx: {
    format: 'xlsx',
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extension: 'xlsx',
    disposition: 'attachment',
    render: renderReportXlsx,
  },
  // The officer's report (tjänsteskrivelse) a secretary puts on the board's agenda and may edit.
  docx: {
    format: 'docx',
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extension: 'docx',
    disposition: 'attachment',
    render: renderReportDocx,
  },
};

/** Every format's name, in the table's order: for an API's enum and error text. */
export const REPORT_FORMAT_NAMES = Object.keys(REPORT_FORMATS) as ReportFormat[];

export function isReportFormat(value: unknown): value is ReportFormat {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(REPORT_FORMATS, value);
}

/** The format whose media type is `mediaType` (parameters such as charset ignored). */
export function reportFormatForMediaType(mediaType: string): ReportFormat | undefined {
  const bare = mediaType.split(';')[0].trim().toLowerCase();
  return (Object.values(REPORT_FORMATS) as ReportFormatSpec[]).find((f) => f.mediaType === bare)?.format;
}

/** `bevaka-<plan-title-slug>-<period>.<ext>`: ASCII only, so every browser and mail client keeps it. */
export function reportFilename(document: Pick<ReportDocument, 'plan' | 'period'>, format: ReportFormat): string {
  const period = document.period.key.replace(/[^A-Za-z0-9]+/g, '') || 'period';
  return `bevaka-${slugify(document.plan.title) || 'rapport'}-${period}.${REPORT_FORMATS[format].extension}`;
}

/** A Content-Disposition value for the format; the filename is ASCII, so no RFC 5987 form is needed. */
export function reportContentDisposition(document: Pick<ReportDocument, 'plan' | 'period'>, format: ReportFormat): string {
  return `${REPORT_FORMATS[format].disposition}; filename="${reportFilename(document, format)}"`;
}

/** Lower-case ASCII words joined by '-': å ä → a, ö → o, æ → ae, ø → o; at most 60 characters. */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}
