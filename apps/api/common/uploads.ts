import type { PlanDocument } from '../../../libs/domain/import';
import { REQUEST_LIMITS } from './request-limits';

/** One document, a few form fields (text, filename, corrections) each within the body limit. */
export const UPLOAD_LIMITS = { fileSize: REQUEST_LIMITS.uploadBytes, files: 1, fields: 8, parts: 9, fieldSize: REQUEST_LIMITS.bodyBytes };

/** The client's name of an uploaded file, as text the audit log can store (it is only a label). */
export function storableFilename(name: string): string {
  // eslint-disable-next-line no-control-regex
  return name.toWellFormed().replace(/[\u0000-\u001f\u007f]/g, '').slice(0, 300);
}

/** An uploaded file, or the same document sent as text; undefined when neither came. */
export function uploadedDocument(file: Express.Multer.File | undefined, body: { text?: string; filename?: string }): PlanDocument | undefined {
  if (file) return { filename: storableFilename(file.originalname), content: new Uint8Array(file.buffer) };
  return body.text !== undefined ? { filename: body.filename, content: body.text } : undefined;
}
