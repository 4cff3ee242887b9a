// The board report renderers: pure functions from a frozen report document to HTML, XLSX, PDF and DOCX,
// plus the per-format table an API controller negotiates with.
export * from './report-document';
export { renderReportHtml } from './html-renderer';
export { renderReportXlsx } from './xlsx-renderer';
export { renderReportPdf } from './pdf-renderer';
export { renderReportDocx } from './docx-renderer';
export type { ReportFormat, ReportFormatSpec } from './report-formats';
export { REPORT_FORMATS, REPORT_FORMAT_NAMES, isReportFormat, reportContentDisposition, reportFilename, reportFormatForMediaType, slugify } from './report-formats';
