// A request body read as UTF-8 text, refused as soon as it is larger than a bound: route
// handlers have no body limit of their own (Next.js limits server actions only), and a body
// read whole without one would let any caller fill the server's memory.
import { AppError } from '../data/errors';

export async function readBoundedText(request: Request, maxBytes: number, tooLarge: string): Promise<string> {
  const refuse = () => new AppError('invalid', tooLarge, { fieldErrors: { file: [tooLarge] } });
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) throw refuse();
  if (!request.body) return '';
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
  // A byte-order mark is dropped; bytes that are not UTF-8 become U+FFFD, which validation then reports.
  return new TextDecoder('utf-8').decode(Buffer.concat(chunks));
}
