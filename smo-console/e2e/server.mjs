// Starts `smo serve` for the browser tests: a fresh database (a new database on the PostgreSQL at
// 127.0.0.1:5432 when psql reaches it, else the embedded PostgreSQL under a fresh SMO_HOME), the example clusters
// file, a free port. Resolves to { url, stop }.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PG = ['-h', '127.0.0.1', '-p', '5432', '-U', 'postgres', '-d', 'test', '-Atqc'];

function psql(sql) {
  const r = spawnSync('psql', [...PG, sql], { encoding: 'utf8' });
  return r.status === 0;
}

export async function startServer({ classpath, repo, env = {} }) {
  const home = mkdtempSync(join(tmpdir(), 'smo-console-e2e-'));
  let database = null;
  const extra = { ...env };
  if (process.env.SMO_E2E_EMBEDDED !== 'true' && psql('select 1')) {
    database = `smo_console_e2e_${process.pid}_${Date.now() % 100000}`;
    if (!psql(`CREATE DATABASE ${database}`)) throw new Error(`cannot create database ${database}`);
    extra.SMO_DATABASE_URL = `postgresql://postgres@127.0.0.1:5432/${database}`;
  }
  const child = spawn(
    'java',
    ['-cp', classpath, 'dev.smo.server.cli.SmoCommand', 'serve', '--port', '0', '--fast-unsafe'],
    {
      env: {
        PATH: process.env.PATH,
        JAVA_HOME: process.env.JAVA_HOME ?? '',
        HOME: home,
        SMO_HOME: home,
        SMO_CLUSTERS_FILE: join(repo, 'smo-examples/clusters.yaml'),
        ...extra,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let log = '';
  child.stderr.on('data', (d) => (log = (log + d).slice(-20000)));
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('smo serve did not start within 120 s\n' + log)), 120000);
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/SMO listening on (http:\/\/\S+)/);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.on('exit', (code) => reject(new Error(`smo serve exited (${code})\n${log}`)));
  });
  return {
    url,
    log: () => log,
    async stop() {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 25000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
      if (database) psql(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      rmSync(home, { recursive: true, force: true });
    },
  };
}
