/**
 * `params.stage` of the capture intake's synchronous fingerprint call to the journey's entry
 * module (decoded size + perceptual hash of the decrypted selfie). Its own file so the HTTP
 * process can name it without importing the handler (and onnxruntime with it). Journeys cannot
 * set it: a module taking encrypted selfies allows no step params, which are checked at load.
 */
export const FINGERPRINT_STAGE = 'fingerprint';
