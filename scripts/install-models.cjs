#!/usr/bin/env node
'use strict';
/**
 * postinstall: puts the liveness models in place, verified, without adding dependencies.
 *
 * 1. Builtin models (required): fr_detect / fr_liveness / fr_landmark / fr_feature from the npm
 *    tarball of faceplugin-face-recognition-js@0.0.1, fetched with `npm pack` (so the project's
 *    registry settings and npm's cache apply), checked against the pinned sha512 integrity, and
 *    only the model files extracted (the package itself would drag in 674 dependencies).
 *    Any failure exits non-zero: the app refuses to boot without them anyway.
 * 2. MiniFASNet pair (optional): downloaded from its public source at a pinned commit into
 *    .models/operator, checked by sha256. When unreachable: one warning line, never a failure,
 *    never more than ~5 s per file.
 *
 * Files already present with the right sha256 are left alone, so a repeated `npm ci` is fast.
 * Plain CommonJS and Node built-ins only: it runs before any build and before devDependencies matter.
 */
const { execFileSync } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');
const zlib = require('zlib');

const ROOT = path.resolve(__dirname, '..');
const BUILTIN_DIR = path.join(ROOT, '.models', 'builtin');
const OPERATOR_DIR = path.join(ROOT, '.models', 'operator');
const PINS = require('../src/inference/face/builtin-models.json');
const KNOWN = require('../src/inference/face/known-models.json');
const DOWNLOAD_TIMEOUT_MS = 5000;

function sha256(buffer) {
  return crypto.createHash('sha256').update(buffer).digest('hex');
}

function hasFile(file, expectedSha256) {
  return fs.existsSync(file) && sha256(fs.readFileSync(file)) === expectedSha256;
}

/** Writes via a temporary file and a rename, so an interrupted install never leaves half a model. */
function writeAtomic(file, data) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, data);
  fs.renameSync(tmp, file);
}

function npmCommand() {
  // Inside `npm ci`, npm_execpath is the npm CLI that runs us: reuse it rather than trusting PATH.
  const cli = process.env.npm_execpath;
  if (cli && /\.c?js$/.test(cli)) return { file: process.execPath, args: [cli] };
  return { file: process.platform === 'win32' ? 'npm.cmd' : 'npm', args: [] };
}

function packTarball(destination) {
  const spec = `${PINS.package}@${PINS.version}`;
  const npm = npmCommand();
  const out = execFileSync(npm.file, [...npm.args, 'pack', spec, '--json', '--pack-destination', destination], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const info = JSON.parse(out)[0];
  return path.join(destination, info.filename);
}

/** Minimal ustar reader: the entries whose names are wanted, as Buffers by name. */
function readTarEntries(tar, wanted) {
  const found = new Map();
  let offset = 0;
  while (offset + 512 <= tar.length) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((b) => b === 0)) break;
    const field = (start, length) => header.subarray(start, start + length).toString('utf8').replace(/\0[\s\S]*$/, '');
    const size = parseInt(field(124, 12).trim() || '0', 8);
    const type = field(156, 1);
    const prefix = field(345, 155);
    const name = prefix ? `${prefix}/${field(0, 100)}` : field(0, 100);
    const start = offset + 512;
    if ((type === '0' || type === '') && wanted.has(name)) found.set(name, tar.subarray(start, start + size));
    offset = start + Math.ceil(size / 512) * 512;
  }
  return found;
}

function installBuiltin() {
  const missing = PINS.files.filter((f) => !hasFile(path.join(BUILTIN_DIR, f.file), f.sha256));
  if (missing.length === 0) {
    console.log(`install-models: builtin models present and verified in ${path.relative(ROOT, BUILTIN_DIR)}`);
    return;
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'liveness-models-'));
  try {
    const tgz = fs.readFileSync(packTarball(tmp));
    const integrity = `sha512-${crypto.createHash('sha512').update(tgz).digest('base64')}`;
    if (integrity !== PINS.integrity) {
      throw new Error(`${PINS.package}@${PINS.version} tarball integrity is ${integrity}, expected ${PINS.integrity}`);
    }
    const entries = readTarEntries(zlib.gunzipSync(tgz), new Set(missing.map((f) => f.tarPath)));
    for (const pin of missing) {
      const data = entries.get(pin.tarPath);
      if (!data) throw new Error(`${pin.tarPath} is not in the ${PINS.package} tarball`);
      const actual = sha256(data);
      if (actual !== pin.sha256) throw new Error(`${pin.tarPath} has sha256 ${actual}, expected ${pin.sha256}`);
      writeAtomic(path.join(BUILTIN_DIR, pin.file), data);
    }
    console.log(`install-models: extracted ${missing.map((f) => f.file).join(', ')} to ${path.relative(ROOT, BUILTIN_DIR)} (verified)`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

async function download(url) {
  // One deadline for the whole request (DNS, connect, body): an unreachable host must not hang install.
  const response = await fetch(url, { signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS), redirect: 'follow' });
  if (!response.ok) throw new Error(`HTTP ${response.status} for ${url}`);
  return Buffer.from(await response.arrayBuffer());
}

async function installOptional() {
  const wanted = KNOWN.models.filter((m) => m.install);
  const missing = wanted.filter((m) => !hasFile(path.join(OPERATOR_DIR, m.file), m.manifest.sha256));
  if (missing.length === 0) {
    console.log(`install-models: MiniFASNet models present and verified in ${path.relative(ROOT, OPERATOR_DIR)}`);
    return;
  }
  try {
    // Sequential on purpose: if the host is unreachable the first failure ends it after one timeout.
    for (const model of missing) {
      const data = await download(model.source);
      const actual = sha256(data);
      if (actual !== model.manifest.sha256) throw new Error(`${model.file} has sha256 ${actual}, expected ${model.manifest.sha256}`);
      writeAtomic(path.join(OPERATOR_DIR, model.file), data);
    }
    console.log(`install-models: downloaded ${missing.map((m) => m.file).join(', ')} to ${path.relative(ROOT, OPERATOR_DIR)} (verified)`);
  } catch (err) {
    const why = err instanceof Error ? (err.cause instanceof Error ? `${err.message}: ${err.cause.message}` : err.message) : String(err);
    console.warn(
      `install-models: WARNING: could not download the MiniFASNet liveness models (${why}); liveness-v1 will fall back to ` +
        `the builtin fr_liveness model with degraded accuracy unless LIVENESS_MODELS_DIR points at them (modules/liveness-v1/README.md).`,
    );
  }
}

async function main() {
  installBuiltin();
  await installOptional();
}

main().then(
  // Exit explicitly: a DNS lookup abandoned by the timeout may still hold the event loop open.
  () => process.exit(0),
  (err) => {
    console.error(`install-models: FAILED: ${err instanceof Error ? err.message : String(err)}`);
    console.error('install-models: the builtin liveness models are required; the app will not boot without them.');
    process.exit(1);
  },
);
