'use strict';
/**
 * Jest test environment for tests that run onnxruntime-node.
 * Why: jest runs each test file in its own vm realm, so `new Float32Array()` in test code is not
 * an instance of the Float32Array the native binding checks against, and ort.Tensor throws
 * "A float32 tensor's data must be type of function Float32Array()". Giving the test realm the
 * outer realm's typed-array constructors makes both sides agree.
 * Use with: testEnvironment: '<rootDir>/test/support/onnx-environment.js'
 */
const { TestEnvironment } = require('jest-environment-node');

const SHARED = [
  'ArrayBuffer', 'SharedArrayBuffer', 'DataView',
  'Float32Array', 'Float64Array', 'Int8Array', 'Int16Array', 'Int32Array', 'Uint8Array', 'Uint8ClampedArray',
  'Uint16Array', 'Uint32Array', 'BigInt64Array', 'BigUint64Array',
];

class OnnxEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    for (const name of SHARED) {
      if (typeof globalThis[name] === 'function') this.global[name] = globalThis[name];
    }
  }
}

module.exports = OnnxEnvironment;
