// End-to-end test of the console in a real browser: Debian's chromium driven by playwright-core (no browser
// download) against a real `smo serve`. Usage:
//   node e2e/run.mjs --classpath CP     starts smo serve with that class path (Maven passes the server's)
//   SMO_E2E_URL=http://127.0.0.1:8000 node e2e/run.mjs    uses a running server (with no graph named as below)
// Screenshots of every view go to target/screenshots/. Exit code 0 when every step passed.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from './server.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../..');
const shots = resolve(here, '../target/screenshots');
const browserPath = process.env.SMO_E2E_CHROMIUM ?? '/usr/bin/chromium';
const GRAPH = 'image-detection-graph';
const started = Date.now();
let step = 'start';

function log(msg) {
  console.log(`[e2e ${((Date.now() - started) / 1000).toFixed(1)}s] ${msg}`);
}

async function main() {
  const args = process.argv.slice(2);
  const cp = args[args.indexOf('--classpath') + 1];
  mkdirSync(shots, { recursive: true });
  const server = process.env.SMO_E2E_URL
    ? { url: process.env.SMO_E2E_URL, stop: async () => {}, log: () => '' }
    : await startServer({ classpath: cp, repo });
  log(`server at ${server.url}`);
  const profile = mkdtempSync(join(tmpdir(), 'smo-console-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: browserPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    viewport: { width: 1280, height: 800 },
  });
  const problems = [];
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' && !/status of 4\d\d/.test(m.text())) problems.push(`console: ${m.text()}`);
    });
    page.setDefaultTimeout(20000);
    await scenario(page, server.url);
    if (problems.length) throw new Error('the page reported errors:\n' + problems.join('\n'));
    log('all steps passed');
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
    await server.stop();
  }
}

async function shot(page, name) {
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: false });
}

async function expectText(locator, text, what) {
  step = what;
  await locator.filter({ hasText: text }).first().waitFor({ state: 'visible' });
}

async function scenario(page, base) {
  step = 'a browser at / is sent to the console';
  await page.goto(base + '/');
  if (!page.url().startsWith(base + '/ui/')) throw new Error(`/ did not redirect to /ui/: ${page.url()}`);
  await page.getByRole('heading', { name: 'Graphs' }).waitFor();
  await shot(page, '01-graphs-empty');

  step = 'validation problems are shown at their line';
  const invalid = readFileSync(join(repo, 'smo-examples/invalid/several-problems.yaml'), 'utf8');
  await page.getByLabel('HDAG descriptor (YAML or JSON)').fill(invalid);
  await page.getByRole('button', { name: 'Deploy' }).click();
  const problemList = page.getByRole('list', { name: 'Problems in the descriptor' });
  await expectText(problemList.getByRole('listitem'), 'Line 2:7', 'the graph id problem at line 2');
  await expectText(problemList.getByRole('listitem'), 'Line 14', 'the ociImage problem at line 14');
  await shot(page, '02-deploy-problems');

  step = 'deploy the Brussels demo through the UI';
  const demo = readFileSync(join(repo, 'smo-examples/brussels-demo/hdag.yaml'), 'utf8');
  await page.getByLabel('HDAG descriptor (YAML or JSON)').fill(demo);
  await page.getByRole('button', { name: 'Deploy' }).click();
  await page.waitForURL(`**/ui/graphs/${GRAPH}`);
  const status = page.getByRole('heading', { level: 1 });
  await expectText(status, 'Running', 'the graph runs');
  const services = page.locator('.react-flow__node-service');
  step = 'three services drawn';
  await services.nth(2).waitFor();
  const clusters = await page.locator('.react-flow__node-cluster .cluster-head').allInnerTexts();
  log(`clusters drawn: ${clusters.map((c) => c.replace(/\s+/g, ' ')).join(' | ')}`);
  if (clusters.length < 1) throw new Error('no cluster group drawn');
  const vo = page.locator('.react-flow__node-service', { hasText: 'image-compression-vo' });
  await expectText(vo, 'Pending', 'the event-triggered service waits, Pending');
  await expectText(vo, 'main-event', 'the event-triggered service shows its alert');
  await page.waitForTimeout(400);
  await shot(page, '03-graph-pending');

  step = 'fire the alert through the API';
  const graph = await (await fetch(`${base}/graphs/${GRAPH}`)).json();
  const rule = graph.services.find((s) => s.name === 'image-compression-vo').alertRules[0];
  const res = await fetch(`${base}/alerts`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ status: 'firing', alerts: [{ status: 'firing', labels: rule.labels, annotations: {} }] }),
  });
  if (!res.ok) throw new Error(`POST /alerts answered ${res.status}: ${await res.text()}`);
  await expectText(vo, 'Deployed', 'the pending service becomes Deployed without a reload');
  await expectText(page.locator('.timeline li'), 'alert', 'the alert is in the events timeline');

  step = 'the side panel of a service';
  await vo.click();
  const panel = page.getByRole('complementary');
  await expectText(panel, 'Alert rules', 'the panel lists alert rules');
  await expectText(panel, 'Helm values', 'the panel shows Helm values');
  await page.waitForTimeout(300);
  await shot(page, '04-graph-deployed-panel');
  await panel.getByRole('button', { name: 'Close the service panel' }).click();

  for (const [action, settled] of [
    ['Stop', 'Stopped'],
    ['Start', 'Running'],
  ]) {
    step = `${action} with confirmation`;
    await page.getByRole('group', { name: 'Graph actions' }).getByRole('button', { name: action }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.getByRole('button', { name: action }).click();
    await expectText(status, settled, `the graph is ${settled} after ${action}`);
    if (action === 'Stop') await shot(page, '05-graph-stopped');
  }

  step = 'phone-sized graph view';
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(500);
  await shot(page, '06-graph-phone');
  await page.setViewportSize({ width: 1280, height: 800 });

  step = 'the graphs list shows the graph with its counts';
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Graphs' }).click();
  const row = page.getByRole('row', { name: new RegExp(GRAPH) });
  await expectText(row, 'Running', 'the list shows the graph Running');
  await shot(page, '07-graphs-list');

  step = 'clusters with capacity bars';
  await page.getByRole('link', { name: 'Clusters' }).click();
  const meters = page.getByRole('meter');
  await meters.first().waitFor();
  const used = await page
    .getByRole('meter', { name: /CPU used on/ })
    .evaluateAll((ms) => ms.map((m) => Number(m.getAttribute('aria-valuenow'))));
  if (!used.some((u) => u > 0)) throw new Error(`no cluster shows CPU used by the graph: ${used}`);
  await shot(page, '08-clusters');

  step = 'an infeasible plan is explained';
  await page.getByRole('link', { name: 'Plan' }).click();
  const huge = demo.replace('id: image-detection-graph', 'id: huge-graph').replace('cpu: "small"', 'cpu: "64"');
  await page.getByLabel('HDAG descriptor', { exact: true }).fill(huge);
  await page.getByRole('button', { name: 'Plan', exact: true }).click();
  await expectText(page.getByRole('heading', { level: 2 }), 'No placement', 'the plan says there is no placement');
  await expectText(page.locator('.explanation'), 'Closest clusters', 'the explanation names the closest clusters');
  await shot(page, '09-plan-infeasible');

  step = 'a feasible plan is drawn';
  await page.getByLabel('HDAG descriptor', { exact: true }).fill(demo.replace('id: image-detection-graph', 'id: what-if-graph'));
  await page.getByRole('button', { name: 'Plan', exact: true }).click();
  await expectText(page.getByRole('heading', { level: 2 }), 'Placement found', 'the plan is found');
  await page.locator('.react-flow__node-service').nth(2).waitFor();
  await page.waitForTimeout(300);
  await shot(page, '10-plan-feasible');

  step = 'a graph across three clusters shows its cut edges';
  const pipeline = readFileSync(join(here, 'fixtures/edge-pipeline.yaml'), 'utf8');
  const deployed = await fetch(`${base}/project/demo/graphs`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/yaml', Prefer: 'wait=30' },
    body: pipeline,
  });
  if (deployed.status !== 201) throw new Error(`deploy of edge-pipeline answered ${deployed.status}`);
  await page.goto(`${base}/ui/graphs/edge-pipeline`);
  await expectText(page.locator('.graph-head p'), '3 cut edges', 'three edges cross clusters');
  await page.locator('.react-flow__node-cluster').nth(2).waitFor();
  await page.locator('.react-flow__node-service').nth(4).waitFor();
  const groups = await page.locator('.react-flow__node-cluster').count();
  if (groups !== 3) throw new Error(`edge-pipeline drawn on ${groups} clusters, not 3`);
  await page.locator('.react-flow__edge.cut').nth(2).waitFor();
  await page.locator('.react-flow__node-service', { hasText: 'object-detector' }).click();
  await page.getByRole('complementary').waitFor();
  await page.waitForTimeout(500);
  await shot(page, '12-graph-across-clusters');
  await page.goto(`${base}/ui/graphs?project=demo`);
  await expectText(page.getByRole('row', { name: /edge-pipeline/ }), 'Running', 'the demo project lists edge-pipeline');
  step = 'the demo project shows the last event of edge-pipeline';
  await page.waitForFunction(() => [...document.querySelectorAll('.last-event')].some((e) => e.textContent.includes(':')));
  await shot(page, '13-graphs-demo');

  step = 'remove with confirmation';
  await page.goto(`${base}/ui/graphs/${GRAPH}`);
  await page.getByRole('group', { name: 'Graph actions' }).getByRole('button', { name: 'Remove' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Remove' }).click();
  await page.getByText('This graph does not exist (any more).').waitFor({ timeout: 30000 });
  await shot(page, '11-graph-removed');
}

main().catch((e) => {
  console.error(`[e2e] FAILED at step "${step}": ${e.stack ?? e}`);
  process.exit(1);
});
