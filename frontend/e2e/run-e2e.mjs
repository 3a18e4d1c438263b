#!/usr/bin/env node
// Runs the browser tests against the real backend:
//   starts the service jar (E2E_SERVER_JAR, default ../backend/target/supervision.jar) on a free
//   port with its demo data, in a fresh working directory (so its embedded H2 database under
//   ./data starts empty), waits for GET /health, runs `node --test e2e/*.test.mjs`, stops the
//   server and exits with the tests' exit code.
// The process environment is passed through: database settings (DATASOURCES_DEFAULT_URL, ...)
// come from there. With E2E_BASE_URL set, no server is started and the tests use that one.
//
// Other settings: E2E_ONLY (run only the files whose name contains it), E2E_PORT (default: a free port), E2E_WORKDIR (default: a new temp dir),
// E2E_START_TIMEOUT_SECONDS (default 90), JAVA_HOME or java on the PATH.
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const e2eDir = dirname(fileURLToPath(import.meta.url));
const frontendDir = resolve(e2eDir, '..');
// E2E_ONLY=shell runs only the files whose name contains "shell".
const only = process.env.E2E_ONLY ?? '';
const testFiles = readdirSync(e2eDir)
  .filter((name) => name.endsWith('.test.mjs') && name.includes(only))
  .sort()
  .map((name) => join(e2eDir, name));

function log(message) {
  process.stdout.write(`[e2e] ${message}\n`);
}

function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

function runTests(baseUrl) {
  return new Promise((resolveCode) => {
    const child = spawn(process.execPath, ['--test', '--test-concurrency=1', ...testFiles], {
      cwd: frontendDir,
      env: { ...process.env, E2E_BASE_URL: baseUrl },
      stdio: 'inherit',
    });
    child.on('exit', (code, signal) => resolveCode(code ?? (signal ? 1 : 0)));
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function healthy(baseUrl) {
  try {
    const response = await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(2_000) });
    return response.status === 200;
  } catch {
    return false;
  }
}

function tail(file, lines = 80) {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no server log)';
  }
}

async function stop(server) {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((r) => server.once('exit', r));
  server.kill('SIGTERM');
  const timedOut = await Promise.race([exited.then(() => false), sleep(15_000).then(() => true)]);
  if (timedOut) {
    server.kill('SIGKILL');
    await exited;
  }
}

async function main() {
  if (testFiles.length === 0) {
    log('no e2e/*.test.mjs files');
    return 1;
  }
  if (process.env.E2E_BASE_URL) {
    log(`testing the running service at ${process.env.E2E_BASE_URL}`);
    return runTests(process.env.E2E_BASE_URL);
  }

  const jar = resolve(frontendDir, process.env.E2E_SERVER_JAR ?? '../backend/target/supervision.jar');
  if (!existsSync(jar)) {
    log(`no server jar at ${jar}: build the backend first (or set E2E_SERVER_JAR / E2E_BASE_URL)`);
    return 1;
  }
  const port = Number(process.env.E2E_PORT ?? (await freePort()));
  const workDir = process.env.E2E_WORKDIR ?? mkdtempSync(join(tmpdir(), 'supervision-e2e-'));
  const logFile = join(workDir, 'server.log');
  const java = process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
  const baseUrl = `http://localhost:${port}`;
  const timeoutMs = Number(process.env.E2E_START_TIMEOUT_SECONDS ?? 90) * 1000;

  log(`starting ${jar} on port ${port} in ${workDir}`);
  const out = createWriteStream(logFile);
  const server = spawn(java, ['-jar', jar], {
    cwd: workDir,
    env: { ...process.env, MICRONAUT_SERVER_PORT: String(port), SUPERVISION_DEMO_DATA: 'true' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout.pipe(out);
  server.stderr.pipe(out);
  let spawnError = null;
  server.on('error', (error) => {
    spawnError = error;
  });
  const onSignal = () => {
    server.kill('SIGKILL');
    process.exit(130);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    const started = Date.now();
    let up = false;
    while (Date.now() - started < timeoutMs) {
      if (spawnError || server.exitCode !== null || server.signalCode !== null) break;
      if (await healthy(baseUrl)) {
        up = true;
        break;
      }
      await sleep(500);
    }
    if (!up) {
      const why = spawnError
        ? `could not start java: ${spawnError.message}`
        : server.exitCode !== null || server.signalCode !== null
          ? `the server exited (${server.exitCode ?? server.signalCode})`
          : `GET /health did not answer 200 within ${timeoutMs / 1000} s`;
      log(`${why}. Last lines of ${logFile}:`);
      await sleep(200);
      process.stdout.write(`${tail(logFile)}\n`);
      return 1;
    }
    log(`server up after ${((Date.now() - started) / 1000).toFixed(1)} s; running ${testFiles.length} test file(s)`);
    const code = await runTests(baseUrl);
    if (code !== 0) log(`tests failed; server log: ${logFile}`);
    return code;
  } finally {
    await stop(server);
    out.end();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    log(error?.stack ?? String(error));
    process.exit(1);
  },
);
