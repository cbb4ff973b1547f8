// The capture page: camera, face oval, cheap live guidance, capture through capture-sdk.js,
// and a neutral end-user message (the decision goes to the integrator, never to this page).
import { createCapture } from '/capture-assets/capture-sdk.js';

const token = decodeURIComponent(location.pathname.split('/').filter(Boolean)[1] || '');
const video = document.getElementById('video');
const oval = document.getElementById('oval');
const guidance = document.getElementById('guidance');
const button = document.getElementById('capture');
const result = document.getElementById('result');
const sdk = createCapture({ token });
const probe = document.createElement('canvas');
probe.width = 64;
probe.height = 48;
let guiding = true;

const MESSAGES = {
  dark: 'Too dark: move to a brighter place.',
  noFace: 'No face in the oval: look at the camera.',
  far: 'Too far: move closer so your face fills the oval.',
  ok: 'Good: hold still and take the selfie.',
};

// Cheap checks on a 64x48 copy: mean luma overall, and the share of skin-toned pixels (YCbCr
// rule) inside the oval. Not a face detector: guidance only, the server decides.
function assess() {
  const ctx = probe.getContext('2d', { willReadFrequently: true });
  ctx.drawImage(video, 0, 0, probe.width, probe.height);
  const { data } = ctx.getImageData(0, 0, probe.width, probe.height);
  let luma = 0, skin = 0, inside = 0;
  for (let y = 0; y < probe.height; y++) {
    for (let x = 0; x < probe.width; x++) {
      const i = (y * probe.width + x) * 4;
      const r = data[i], g = data[i + 1], b = data[i + 2];
      const Y = 0.299 * r + 0.587 * g + 0.114 * b;
      luma += Y;
      const dx = (x / probe.width - 0.5) / 0.2, dy = (y / probe.height - 0.5) / 0.4;
      if (dx * dx + dy * dy <= 1) {
        inside++;
        const cb = 128 - 0.168736 * r - 0.331264 * g + 0.5 * b;
        const cr = 128 + 0.5 * r - 0.418688 * g - 0.081312 * b;
        if (cb >= 77 && cb <= 127 && cr >= 133 && cr <= 173) skin++;
      }
    }
  }
  const mean = luma / (probe.width * probe.height);
  const share = inside ? skin / inside : 0;
  if (mean < 45) return 'dark';
  if (share < 0.08) return 'noFace';
  if (share < 0.3) return 'far';
  return 'ok';
}

function guide() {
  if (!guiding) return;
  if (video.videoWidth) {
    const state = assess();
    guidance.textContent = MESSAGES[state];
    oval.classList.toggle('ok', state === 'ok');
  }
  setTimeout(guide, 250);
}

function finish(message) {
  guiding = false;
  button.hidden = true;
  guidance.textContent = '';
  result.textContent = message;
  result.hidden = false;
  const stream = video.srcObject;
  if (stream) stream.getTracks().forEach((t) => t.stop());
}

async function start() {
  try {
    await sdk.session();
  } catch (err) {
    finish(err.status === 410 ? 'This link has expired. Please ask for a new one.' : err.status === 409 ? 'This link was already used.' : 'This link is not valid.');
    return;
  }
  try {
    video.srcObject = await navigator.mediaDevices.getUserMedia({ video: { width: { ideal: 1280 }, height: { ideal: 720 }, facingMode: 'user' }, audio: false });
    await video.play();
  } catch {
    guidance.textContent = 'We need your camera to take the selfie. Allow camera access and reload the page.';
    return;
  }
  button.disabled = false;
  guide();
}

button.addEventListener('click', async () => {
  button.disabled = true;
  guidance.textContent = 'Sending…';
  try {
    const { runId } = await sdk.capture(video);
    document.body.dataset.runId = runId;
    finish('Thank you. Your selfie was sent; you can close this page.');
  } catch (err) {
    // Neutral on purpose: never a score or a verdict.
    finish(err.status === 410 ? 'This link has expired. Please ask for a new one.' : 'Something went wrong. Please try again with a new link.');
  }
});

start();
