/** Security headers on every response: CSP, no sniffing, no framing, no referrer, no caching of data. */

/** The headers for a response to `url` under the given Content-Security-Policy. */
export function securityHeaders(url: string, csp: string): Record<string, string> {
  return {
    'content-security-policy': csp,
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'permissions-policy': 'camera=(self), microphone=(), geolocation=()',
    ...(url.startsWith('/api/') ? { 'cache-control': 'no-store' } : {}),
  };
}
