// The board report renderers: pure functions from a frozen report document to HTML, XLSX and PDF,
// plus the per-format table an API controller negotiates with.
export * from './report-document';
export { renderReportHtml } from './html-renderer';
export { renderReportXlsx } from './xlsx-renderer';
export { renderReportPdf } from './pdf-renderer';
export type { ReportFormat, ReportFormatSpec } from './report-formats';
export { REPORT_FORMATS, isReportFormat, reportContentDisposition, reportFilename, reportFormatForMediaType, slugify } from './report-formats';
