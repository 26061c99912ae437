// A request body read as UTF-8 text, refused as soon as it is larger than a bound: route
// handlers have no body limit of their own (Next.js limits server actions only), and a body
// read whole without one would let any caller fill the server's memory.
// The text must be UTF-8 (or UTF-16 with its byte-order mark): see decodeText.
import { AppError } from '../data/errors';

export async function readBoundedText(request: Request, maxBytes: number, tooLarge: string): Promise<string> {
  return decodeText(await readBoundedBytes(request, maxBytes, tooLarge));
}

/** The body's bytes, refused as soon as they are more than `maxBytes`. */
export async function readBoundedBytes(request: Request, maxBytes: number, tooLarge: string): Promise<Uint8Array> {
  const refuse = () => new AppError('invalid', tooLarge, { fieldErrors: { file: [tooLarge] } });
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) throw refuse();
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw refuse();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/**
 * An upload as the import takes it: a zip (its local-file signature, "PK\x03\x04") as bytes for
 * the reader that opens it, anything else as text (decodeText's rules).
 */
export function uploadBody(bytes: Uint8Array): { bytes: Uint8Array } | { text: string } {
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  return isZip ? { bytes } : { text: decodeText(bytes) };
}

/**
 * Bytes as text: UTF-8 (its byte-order mark dropped), or UTF-16 where a byte-order mark says so.
 * Anything else is refused, not read with U+FFFD in place of what it could not decode: a Latin-1
 * or UTF-16 file without its mark would otherwise import as names full of replacement characters.
 */
export function decodeText(bytes: Uint8Array, field = 'file'): string {
  const encoding = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : 'utf-8';
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    const message =
      encoding === 'utf-8'
        ? 'The file is not UTF-8 text: save it as UTF-8 (or UTF-16 with a byte-order mark) and try again'
        : `The file is not valid ${encoding.toUpperCase()} text`;
    throw new AppError('invalid', message, { fieldErrors: { [field]: [message] } });
  }
}
