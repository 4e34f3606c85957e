/**
 * The device's encryption (WebCrypto): a random AES-GCM data key seals every record kept on the
 * tablet; the data key is stored only wrapped (AES-KW) under a key derived from the user's
 * password (PBKDF2-SHA-256), so a lost tablet exposes nothing without the password.
 */

/** PBKDF2 rounds (OWASP's 2023 figure for PBKDF2-HMAC-SHA-256). */
export const pbkdf2Iterations = 600_000;

const subtle = () => globalThis.crypto.subtle;

/** Fresh random bytes. */
export function randomBytes(n: number): Uint8Array<ArrayBuffer> {
  return globalThis.crypto.getRandomValues(new Uint8Array(n));
}

/** The wrapping key a password and salt derive; it never leaves memory (not extractable). */
export async function passwordKey(
  password: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
): Promise<CryptoKey> {
  const material = await subtle().importKey(
    'raw',
    new TextEncoder().encode(password),
    'PBKDF2',
    false,
    ['deriveKey'],
  );
  return subtle().deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    material,
    { name: 'AES-KW', length: 256 },
    false,
    ['wrapKey', 'unwrapKey'],
  );
}

/** A new data key, returned wrapped (to store) and usable (not extractable, to keep in memory). */
export async function newDataKey(
  wrapping: CryptoKey,
): Promise<{ wrapped: ArrayBuffer; key: CryptoKey }> {
  const fresh = await subtle().generateKey({ name: 'AES-GCM', length: 256 }, true, [
    'encrypt',
    'decrypt',
  ]);
  const wrapped = await subtle().wrapKey('raw', fresh, wrapping, 'AES-KW');
  return { wrapped, key: await unwrapDataKey(wrapped, wrapping) };
}

/** The data key from its wrapped copy; rejects when the password was not the right one. */
export function unwrapDataKey(wrapped: ArrayBuffer, wrapping: CryptoKey): Promise<CryptoKey> {
  return subtle().unwrapKey('raw', wrapped, wrapping, 'AES-KW', 'AES-GCM', false, [
    'encrypt',
    'decrypt',
  ]);
}

/**
 * The wrapped data key under a new wrapping key (a password change): unwrapped as extractable
 * only for the moment of re-wrapping, in memory; rejects when `from` does not open it.
 */
export async function rewrapDataKey(
  wrapped: ArrayBuffer,
  from: CryptoKey,
  to: CryptoKey,
): Promise<ArrayBuffer> {
  const key = await subtle().unwrapKey('raw', wrapped, from, 'AES-KW', 'AES-GCM', true, [
    'encrypt',
    'decrypt',
  ]);
  return subtle().wrapKey('raw', key, to, 'AES-KW');
}

/** A sealed value: AES-GCM ciphertext and its nonce. */
export interface Sealed {
  iv: Uint8Array<ArrayBuffer>;
  data: ArrayBuffer;
}

/** Seals a JSON value; `slot` (the record's key) is authenticated, so a copy moved to another slot fails. */
export async function seal(key: CryptoKey, slot: string, value: unknown): Promise<Sealed> {
  const iv = randomBytes(12);
  const data = await subtle().encrypt(
    { name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(slot) },
    key,
    new TextEncoder().encode(JSON.stringify(value)),
  );
  return { iv, data };
}

/** Opens a sealed value of `slot`; rejects when it was altered or sealed under another key. */
export async function unseal<T>(key: CryptoKey, slot: string, sealed: Sealed): Promise<T> {
  const plain = await subtle().decrypt(
    { name: 'AES-GCM', iv: sealed.iv, additionalData: new TextEncoder().encode(slot) },
    key,
    sealed.data,
  );
  return JSON.parse(new TextDecoder().decode(plain)) as T;
}

/** SHA-256 of a text, as lowercase hex. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await subtle().digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
