/** Reads a QR code from a camera frame (jsQR: pure JavaScript, no WebAssembly under the strict CSP). */

/** Decodes the first QR code in an RGBA frame, or null. */
export type QrDecoder = (pixels: Uint8ClampedArray, width: number, height: number) => string | null;

/** Loads the decoder when the camera is first used, not with the app. */
export async function loadQrDecoder(): Promise<QrDecoder> {
  const mod: unknown = await import('jsqr');
  // jsQR is a UMD module: its function is the module itself, which bundlers give as `default`.
  const fn = (typeof mod === 'function' ? mod : (mod as { default: unknown }).default) as unknown;
  const jsQR = (typeof fn === 'function' ? fn : (fn as { default: unknown }).default) as (
    p: Uint8ClampedArray,
    w: number,
    h: number,
    o?: object,
  ) => { data: string } | null;
  return (pixels, width, height) =>
    jsQR(pixels, width, height, { inversionAttempts: 'dontInvert' })?.data ?? null;
}
