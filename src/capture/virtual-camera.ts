/**
 * Camera labels of virtual cameras: software that feeds any picture or video to the browser as
 * if it were a webcam, the usual route for injected selfies. Labels come from the browser
 * (MediaStreamTrack.label), so a determined attacker can rename a device; this catches the
 * common off-the-shelf tools, the rest of the chain (session, nonce, hashes) does not rely on it.
 */
const VIRTUAL_CAMERA_PATTERNS: readonly RegExp[] = [
  /\bobs\b/i, // OBS Virtual Camera
  /manycam/i,
  /v4l2.?loopback/i,
  /\bvirtual\b/i, // "Virtual Camera", "VirtualCam", Snap/XSplit/Logi virtual devices
  /virtualcam/i,
  /snap camera/i,
  /xsplit/i,
  /splitcam/i,
  /e2esoft|vcam/i,
  /camtwist/i,
  /droidcam/i,
  /iriun/i,
  /epoccam/i,
  /mmhmm/i,
  /newtek ndi|ndi webcam/i,
  /youcam/i,
  /avatarify|deepfake|facerig/i,
  /dummy video device/i,
];

export function isVirtualCameraLabel(label: string): boolean {
  return VIRTUAL_CAMERA_PATTERNS.some((p) => p.test(label));
}
