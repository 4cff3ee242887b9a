import helmet from 'helmet';
import type { RequestHandler } from 'express';

/**
 * HTTP security headers for the API, the web app and the API docs, by helmet. The policy fits
 * the built web app: scripts and styles come from Bevaka itself; styles may also be inline
 * (Mantine writes CSS variables into style attributes and <style> elements); the report preview
 * is an <iframe sandbox srcdoc> that inherits this policy. Nobody may frame Bevaka. HSTS and
 * upgrade-insecure-requests only when Bevaka is served over https (BEVAKA_PUBLIC_URL), so a
 * plain-http test or intranet setup is not told to go where nothing listens.
 */
export function securityHeaders(publicUrl: string): RequestHandler {
  const https = publicUrl.startsWith('https:');
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'self'"],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        objectSrc: ["'none'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        ...(https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    frameguard: { action: 'deny' },
    // One year, this host only: a municipality's other hosts under its domain are not ours to pin.
    strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: false } : false,
    referrerPolicy: { policy: 'no-referrer' },
  });
}
