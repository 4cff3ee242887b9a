/** Plan import (CSV, XLSX, Markdown, text). Uses exceljs: not for workflow code. */
export { parsePlanDocument, detectFormat, decodeText } from './parse-plan';
export { splitOwners } from './owners';
export { recogniseHeader } from './header';
export * from './types';
