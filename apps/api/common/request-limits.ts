/**
 * Limits of what one HTTP request may carry (README "Limits"). JSON bodies are small documents;
 * the largest is a plan sent as text for import (2,000,000 characters at most).
 */
export const REQUEST_LIMITS = {
  /** Bytes of a JSON or form body (over it: 413). */
  bodyBytes: 3 * 1024 * 1024,
  /** Nesting of arrays and objects in a body or query (deeper: 400). Our deepest DTO nests 3. */
  depth: 32,
  /** Bytes of an uploaded plan file (over it: 413). */
  uploadBytes: 10 * 1024 * 1024,
} as const;
