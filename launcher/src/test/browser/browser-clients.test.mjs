// Waybill's browser clients in a real Chromium, driven by playwright-core: the ops console served at /console, and a
// page on another (allowed) origin that follows an item group's stream through a stream ticket. BrowserClientsTest
// starts the service, prepares the data and runs this script with the variables below; exit code 0 means every
// step passed. Screenshots go to ARTEFACTS.
import {chromium} from "playwright-core";
import assert from "node:assert/strict";
import {mkdirSync} from "node:fs";
import {join} from "node:path";

function required(name) {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set`);
  }
  return value;
}

const api = required("WAYBILL_URL");
const otherOrigin = required("OTHER_ORIGIN");
const token = required("WAYBILL_TOKEN");
const viewerToken = required("VIEWER_TOKEN");
const org = required("WAYBILL_ORG");
const itemGroup = required("ITEM_GROUP_ID");
const deadLetter = required("DEAD_LETTER_ID");
const artefacts = required("ARTEFACTS");
const LIVE_WITHIN_MS = 1000;
mkdirSync(artefacts, {recursive: true});

const headers = {Authorization: `Bearer ${token}`, "X-Org-Id": org, "Content-Type": "application/json"};

/** A write or read of the test's own, through the public API. */
async function call(method, path, body) {
  const response = await fetch(api + path, {method, headers, body: body && JSON.stringify(body)});
  const text = await response.text();
  assert.ok(response.ok, `${method} ${path} answered ${response.status}: ${text}`);
  return text ? JSON.parse(text) : null;
}

async function createOrder(label) {
  const id = `${label}-${Date.now().toString(36)}`;
  await call("POST", "/api/orders", {id, vendorId: "vendor-1", vendorName: "Acme"});
  return id;
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync"],
});
const context = await browser.newContext({viewport: {width: 1400, height: 1000}});
const console_ = await context.newPage();
const pageErrors = [];
console_.on("pageerror", (error) => pageErrors.push(`page error: ${error.message}`));
console_.on("console", (message) => {
  if (message.type() === "error") {
    pageErrors.push(`console error: ${message.text()}`);
  }
});
console_.on("response", (response) => {
  if (response.status() >= 400) {
    pageErrors.push(`${response.status()} from ${response.request().method()} ${response.url()}`);
  }
});
// requests the console has sent and not seen answered, shown when a step fails
const pending = new Map();
console_.on("request", (request) => pending.set(request, Date.now()));
console_.on("requestfinished", (request) => pending.delete(request));
console_.on("requestfailed", (request) => pending.delete(request));
let current = "starting";

async function step(name, run) {
  current = name;
  const started = Date.now();
  await run();
  console.log(`ok   ${name} (${Date.now() - started} ms)`);
}

const tailRows = (record) => console_.locator("#tail-rows tr", {has: console_.locator("td.record", {hasText: record})});

try {
  await step("the console signs in with a pasted token and shows the projections", async () => {
    await console_.goto(`${api}/console`);
    assert.ok(console_.url().endsWith("/console/"), console_.url());
    await console_.locator("#sign-in-form").waitFor();
    await console_.fill("#token", token);
    await console_.fill("#org", org);
    await console_.click("#sign-in-form button[type=submit]");
    await console_.locator("#console").waitFor();
    const orders = console_.locator('tr[data-projection="orders"]');
    await orders.locator("td.state", {hasText: "running"}).waitFor();
    assert.match(await orders.locator("td.lag-events").innerText(), /^\d+$/);
    assert.ok(await console_.locator("#projection-rows tr").count() >= 5);
    assert.match(await console_.locator("#who").innerText(), new RegExp(org));
    await console_.screenshot({path: join(artefacts, "console.png"), fullPage: true});
  });

  await step(`the live tail shows an event written by the test within ${LIVE_WITHIN_MS} ms`, async () => {
    await console_.locator("#tail-status", {hasText: "live"}).waitFor();
    const order = await createOrder("tail");
    const written = Date.now();
    await tailRows(`Order ${order}`).waitFor({timeout: LIVE_WITHIN_MS});
    console.log(`     shown ${Date.now() - written} ms after the write was acknowledged`);
  });

  await step("after a reload the tail keeps what it showed and resumes where it stood", async () => {
    const before = await createOrder("before-reload");
    await tailRows(`Order ${before}`).waitFor({timeout: LIVE_WITHIN_MS});
    await console_.goto("about:blank");
    const whileAway = await createOrder("while-away");
    await console_.goto(`${api}/console/`);
    await console_.locator("#console").waitFor();
    assert.equal(await console_.locator("#sign-in").isVisible(), false, "still signed in");
    await tailRows(`Order ${whileAway}`).waitFor({timeout: 5000});
    assert.equal(await tailRows(`Order ${before}`).count(), 1, "the event shown before the reload, once");
    await console_.locator("#tail-status", {hasText: "live"}).waitFor();
    const after = await createOrder("after-reload");
    await tailRows(`Order ${after}`).waitFor({timeout: LIVE_WITHIN_MS});
  });

  await step("the tail's type filter shows only the types asked for", async () => {
    await console_.fill("#tail-types", "ItemGroupShipped");
    await console_.click("#tail-form button[type=submit]");
    await console_.locator("#tail-status", {hasText: "live"}).waitFor();
    const ignored = await createOrder("filtered-out");
    await call("PATCH", `/api/item-groups/${encodeURIComponent(itemGroup)}`, {shipped: true});
    await tailRows(`ItemGroup ${itemGroup}`).locator("td.type", {hasText: "ItemGroupShipped"}).waitFor();
    assert.equal(await tailRows(`Order ${ignored}`).count(), 0, "an OrderCreated outside the filter");
    await console_.fill("#tail-types", "NoSuchEvent");
    await console_.click("#tail-form button[type=submit]");
    await console_.locator("#tail-message", {hasText: "Unknown event type NoSuchEvent"}).waitFor();
    await console_.screenshot({path: join(artefacts, "live-tail.png"), fullPage: true});
  });

  await step("a replay's bar moves to 100 %", async () => {
    const row = console_.locator('tr[data-projection="item-groups"]');
    await row.locator('button[data-action="replay"]').click();
    await console_.locator("#projections-message", {hasText: "Replay of item-groups started"}).waitFor();
    const seen = [];
    let told = false;
    const deadline = Date.now() + 60_000;
    for (;;) {
      const status = await row.locator(".replay-status").innerText();
      const percent = await row.locator("progress").evaluate((bar) => bar.value);
      if (!seen.length || seen[seen.length - 1].status !== status) {
        seen.push({status, percent});
      }
      if (percent < 100 && /running|%/.test(status) && !told) {
        // the test holds the rebuild until the bar has been seen running: a few events rebuild faster than a refresh
        told = (await fetch(`${otherOrigin}/replay-seen`)).ok;
      }
      if (status.startsWith("done")) {
        break;
      }
      assert.ok(Date.now() < deadline, `the replay did not end within a minute: ${JSON.stringify(seen)}`);
      await console_.waitForTimeout(50);
    }
    console.log(`     the bar showed ${seen.map((shown) => `${shown.percent} % (${shown.status})`).join(" → ")}`);
    assert.ok(seen.some((shown) => shown.percent < 100 && /running|%/.test(shown.status)), "the bar seen running");
    assert.equal(seen[seen.length - 1].percent, 100);
    await console_.screenshot({path: join(artefacts, "replay.png"), fullPage: true});
  });

  await step("a dead letter is retried and applied", async () => {
    const letter = console_.locator(`tr[data-letter="${deadLetter}"]`);
    await letter.waitFor();
    await console_.screenshot({path: join(artefacts, "dead-letters.png"), fullPage: true});
    await letter.locator('button[data-action="retry"]').click();
    await console_.locator("#dead-letters-message", {hasText: "applied"}).waitFor();
    await letter.waitFor({state: "detached"});
  });

  await step("the console's page raised no errors (script, content policy)", async () => {
    assert.deepEqual(pageErrors, []);
  });

  await step("a viewer's token signs in too: projections are refused it, its tail shows what happens from then on",
      async () => {
        const before = await createOrder("before-viewer");
        const viewerContext = await browser.newContext({viewport: {width: 1400, height: 1000}});
        const viewer = await viewerContext.newPage();
        await viewer.goto(`${api}/console/`);
        await viewer.fill("#token", viewerToken);
        await viewer.fill("#org", org);
        await viewer.click("#sign-in-form button[type=submit]");
        await viewer.locator("#projections-message", {hasText: "role"}).waitFor();
        await viewer.locator("#tail-status", {hasText: "live"}).waitFor();
        const now = await createOrder("viewer-tail");
        const rows = (record) => viewer.locator("#tail-rows tr", {has: viewer.locator("td.record", {hasText: record})});
        await rows(`Order ${now}`).waitFor({timeout: LIVE_WITHIN_MS});
        assert.equal(await rows(`Order ${before}`).count(), 0, "no history: the tail starts from now");
        await viewer.screenshot({path: join(artefacts, "viewer.png"), fullPage: true});
        await viewerContext.close();
      });

  await step("a page on another allowed origin follows an item group's stream with EventSource and a ticket",
      async () => {
        const page = await context.newPage();
        await page.goto(`${otherOrigin}/`);
        const opened = await page.evaluate(async ({api, token, org, itemGroup}) => {
          const auth = {Authorization: `Bearer ${token}`, "X-Org-Id": org};
          const typesAnswer = await fetch(`${api}/api/events/types`, {headers: auth});
          const types = (await typesAnswer.json()).data.flatMap((aggregate) => aggregate.eventTypes);
          const path = `/api/item-groups/${encodeURIComponent(itemGroup)}/events/stream`;
          const answer = await fetch(`${api}/api/streams/tickets`, {
            method: "POST",
            headers: {...auth, "Content-Type": "application/json"},
            body: JSON.stringify({path}),
          });
          const {ticket} = await answer.json();
          window.received = [];
          const stream = new EventSource(`${api}${path}?ticket=${encodeURIComponent(ticket)}`);
          for (const type of types) {
            stream.addEventListener(type, (message) => window.received.push(JSON.parse(message.data).type));
          }
          await new Promise((resolve, reject) => {
            stream.addEventListener("open", resolve);
            setTimeout(() => reject(new Error("the stream did not open")), 5000);
          });
          return {
            status: answer.status,
            correlationId: answer.headers.get("X-Correlation-Id"),
            origin: location.origin,
          };
        }, {api, token, org, itemGroup});
        assert.equal(opened.status, 201);
        assert.ok(opened.correlationId, "X-Correlation-Id is exposed to the page");
        assert.equal(opened.origin, otherOrigin);
        await page.waitForFunction(() => window.received.includes("ItemGroupShipped"));
        assert.equal((await page.evaluate(() => window.received))[0], "ItemGroupCreated");
        await call("PATCH", `/api/item-groups/${encodeURIComponent(itemGroup)}`, {delivered: true});
        await page.waitForFunction(() => window.received.includes("ItemGroupDelivered"), null, {timeout: 5000});
        await page.screenshot({path: join(artefacts, "other-origin.png")});
      });
} catch (failure) {
  console.log(`FAIL ${current}\n${failure.stack}`);
  for (const [request, sent] of pending) {
    console.log(`     unanswered for ${Date.now() - sent} ms: ${request.method()} ${request.url()}`);
  }
  await console_.screenshot({path: join(artefacts, "failure.png"), fullPage: true}).catch(() => {});
  process.exitCode = 1;
} finally {
  await browser.close();
}
