/** unit: cheap image checks done on the HTTP thread. */
import { ApiError } from '../../src/http/api-error';
import { sniffImage } from '../../src/inference/image-sniff';
import { intakeImages } from '../../src/runs/image-intake';
import { describeWithImages, evalImage } from '../support/eval-images';

const limits = { maxBytes: 1_000_000, maxPixels: 40_000_000, minSide: 32 };
const ctx = (selfieImage: unknown) => ({ subject: { biometrics: [{ selfieImage }] } });

function codeOf(fn: () => unknown): { status: number; code: string } {
  try {
    fn();
  } catch (err) {
    if (err instanceof ApiError) return { status: err.getStatus(), code: (err.getResponse() as { code: string }).code };
    throw err;
  }
  throw new Error('expected an ApiError');
}

describe('image intake', () => {
  it.each([
    ['not base64', '***not base64***', 400, 'IMAGE_NOT_BASE64'],
    ['empty after a data: prefix', 'data:image/jpeg;base64,', 400, 'IMAGE_EMPTY'],
    ['text', Buffer.from('hello, this is not an image').toString('base64'), 415, 'IMAGE_UNSUPPORTED_FORMAT'],
    ['webp', Buffer.concat([Buffer.from('RIFF\0\0\0\0WEBPVP8 '), Buffer.alloc(20)]).toString('base64'), 415, 'IMAGE_UNSUPPORTED_FORMAT'],
    ['over the byte limit', Buffer.alloc(1_000_010, 1).toString('base64'), 413, 'IMAGE_TOO_LARGE'],
  ])('%s -> %i %s', (_name, value, status, code) => {
    expect(codeOf(() => intakeImages(ctx(value), limits))).toEqual({ status, code });
  });

  it('rejects a PNG that declares 100000x100000 pixels before decoding it', () => {
    const png = Buffer.alloc(33);
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(png, 0);
    png.writeUInt32BE(13, 8);
    png.write('IHDR', 12, 'ascii');
    png.writeUInt32BE(100_000, 16);
    png.writeUInt32BE(100_000, 20);
    expect(codeOf(() => intakeImages(ctx(png.toString('base64')), limits))).toEqual({ status: 422, code: 'IMAGE_DIMENSIONS_TOO_LARGE' });
  });
});

describeWithImages('image intake on real files', () => {
  it('accepts a real JPEG (also as a data: URL) and replaces it with an evidence reference', () => {
    const jpeg = evalImage('live/deepface_img1.jpg');
    const { context, images } = intakeImages(ctx(`data:image/jpeg;base64,${jpeg.toString('base64')}`), { ...limits, maxBytes: 10_000_000 });
    expect(context).toEqual({ subject: { biometrics: [{ selfieImage: { $evidence: 'biometrics-0-selfieImage' } }] } });
    expect(images.get('biometrics-0-selfieImage')?.equals(jpeg)).toBe(true);
    expect(sniffImage(jpeg)).toEqual({ format: 'jpeg', width: 1382, height: 1868 });
  });

  it('names the WebP file disguised as .jpg', () => {
    expect(codeOf(() => intakeImages(ctx(evalImage('live/deepface_img47.jpg').toString('base64')), { ...limits, maxBytes: 10_000_000 }))).toEqual({ status: 415, code: 'IMAGE_UNSUPPORTED_FORMAT' });
  });
});
