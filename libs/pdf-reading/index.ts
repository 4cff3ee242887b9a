/** Reading PDF files for the plan import: text runs and their positions, by pdf.js. */
export { readPdfText } from './pdf-text';
