// capture-sdk.js: framework-free ES module for capturing an encrypted selfie for a capture
// session (README "Liveness with injection attack detection"). Served at /capture-assets/capture-sdk.js.
//
//   import { createCapture } from 'https://<engine>/capture-assets/capture-sdk.js';
//   const { runId } = await createCapture({ token }).capture(videoElement);
//
// Envelope (what selfieImage holds): base64(JSON {v:1, alg, sessionId, epk, iv, aad, ct}).
export const SDK_VERSION = '1.0.0';
export const ENVELOPE_ALG = 'ECDH-P256+HKDF-SHA256+A256GCM';
const HKDF_INFO_PREFIX = 'idv-capture-v1:';

const b64url = (bytes) => btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const fromB64url = (text) => Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((text.length + 3) % 4)), (c) => c.charCodeAt(0));
function bytesToB64(bytes) {
  // Chunked: String.fromCharCode(...big) overflows the stack on a full-size JPEG.
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/**
 * Seals JPEG bytes for a session: ephemeral ECDH P-256 with the server's key, HKDF-SHA256
 * (salt = nonce, info = "idv-capture-v1:" + sessionId), AES-256-GCM with the metadata JSON's
 * exact UTF-8 bytes as associated data. Returns the envelope as base64.
 */
export async function sealSelfie(session, jpegBytes, metadata) {
  const subtle = crypto.subtle;
  const serverKey = await subtle.importKey('raw', fromB64url(session.publicKey), { name: 'ECDH', namedCurve: 'P-256' }, false, []);
  const mine = await subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, ['deriveBits']);
  const shared = await subtle.deriveBits({ name: 'ECDH', public: serverKey }, mine.privateKey, 256);
  const hkdf = await subtle.importKey('raw', shared, 'HKDF', false, ['deriveKey']);
  const key = await subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: fromB64url(session.nonce), info: new TextEncoder().encode(HKDF_INFO_PREFIX + session.sessionId) },
    hkdf, { name: 'AES-GCM', length: 256 }, false, ['encrypt'],
  );
  const aad = new TextEncoder().encode(JSON.stringify(metadata));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const ct = await subtle.encrypt({ name: 'AES-GCM', iv, additionalData: aad }, key, jpegBytes);
  const epk = await subtle.exportKey('raw', mine.publicKey);
  const envelope = { v: 1, alg: ENVELOPE_ALG, sessionId: session.sessionId, epk: b64url(epk), iv: b64url(iv), aad: b64url(aad), ct: b64url(ct) };
  return bytesToB64(new TextEncoder().encode(JSON.stringify(envelope)));
}

/** Counts the video's frames for up to `ms` (up to 15): a live stream delivers them at its frame rate. */
function observeFrames(video, ms = 1000) {
  return new Promise((resolve) => {
    const times = [];
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      const intervals = times.slice(1).map((t, i) => t - times[i]);
      resolve({ frameCount: times.length, frameIntervalMs: intervals.length ? intervals.reduce((a, b) => a + b, 0) / intervals.length : 0 });
    };
    setTimeout(finish, ms);
    if (typeof video.requestVideoFrameCallback === 'function') {
      const tick = (now) => { times.push(now); if (times.length >= 15) finish(); else if (!done) video.requestVideoFrameCallback(tick); };
      video.requestVideoFrameCallback(tick);
    } else {
      let last = -1;
      const poll = () => { if (done) return; if (video.currentTime !== last) { last = video.currentTime; times.push(performance.now()); } setTimeout(poll, 10); };
      poll();
    }
  });
}

/** The current video frame as JPEG bytes, downscaled to at most `maxSide` on the long side. */
export async function grabFrame(video, maxSide = 1280) {
  const scale = Math.min(1, maxSide / Math.max(video.videoWidth, video.videoHeight));
  const width = Math.round(video.videoWidth * scale);
  const height = Math.round(video.videoHeight * scale);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  canvas.getContext('2d').drawImage(video, 0, 0, width, height);
  const blob = await new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.92));
  return { bytes: new Uint8Array(await blob.arrayBuffer()), width, height };
}

/**
 * createCapture({ token, baseUrl? }) -> { session(), capture(video) }.
 * capture(video) observes the stream, grabs one frame, seals and submits it, and resolves with
 * { runId }. The decision goes to the integrator (poll GET /v1/runs/:id or the webhook), never here.
 */
export function createCapture({ token, baseUrl = '' }) {
  if (!token) throw new Error('createCapture: token is required');
  const root = `${baseUrl}/capture/${encodeURIComponent(token)}`;
  let cached;
  async function call(path, init) {
    const res = await fetch(root + path, init);
    const body = await res.json().catch(() => ({}));
    if (!res.ok) throw Object.assign(new Error(body.message || `HTTP ${res.status}`), { status: res.status, code: body.code });
    return body;
  }
  async function session() {
    if (!cached) {
      const info = await call('/session');
      // The server's clock, advanced by local elapsed time: device clocks are often wrong.
      cached = { ...info, fetchedAt: performance.now() };
    }
    return cached;
  }
  return {
    session,
    async capture(video) {
      if (!video || !video.videoWidth) throw new Error('capture: the video element has no frames yet');
      const s = await session();
      const frames = await observeFrames(video);
      const frame = await grabFrame(video, s.maxSide);
      const track = video.srcObject && video.srcObject.getVideoTracks ? video.srcObject.getVideoTracks()[0] : null;
      const metadata = {
        sessionId: s.sessionId,
        nonce: s.nonce,
        capturedAt: new Date(s.serverTime + (performance.now() - s.fetchedAt)).toISOString(),
        cameraLabel: track ? track.label : '',
        width: frame.width,
        height: frame.height,
        userAgent: navigator.userAgent,
        sdkVersion: SDK_VERSION,
        frameCount: frames.frameCount,
        frameIntervalMs: Math.round(frames.frameIntervalMs * 10) / 10,
      };
      const selfieImage = await sealSelfie(s, frame.bytes, metadata);
      const out = await call('/submit', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ selfieImage }) });
      return { runId: out.runId };
    },
  };
}
