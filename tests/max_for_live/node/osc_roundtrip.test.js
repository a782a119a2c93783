// A plain Node client with the npm osc package: ping, a generate round trip to the real daemon,
// and the notes read back from the in-memory Live. Numbers carry explicit type tags ('i', 'f').
"use strict";

const assert = require("node:assert/strict");
const { after, before, test } = require("node:test");
const osc = require("osc");
const { freeUdpPort, startRoo, stopRoo, clipNotes } = require("./roo_processes.js");

let sim;
let daemon;
let livePort;
let daemonPort;
let port;
const inbox = [];

before(async () => {
  livePort = await freeUdpPort();
  daemonPort = await freeUdpPort();
  sim = await startRoo(["sim", "--port", String(livePort), "--quiet"], "listening");
  daemon = await startRoo(["serve", "--port", String(daemonPort), "--live-port", String(livePort)], "listening");
  port = new osc.UDPPort({ localAddress: "127.0.0.1", localPort: 0, remoteAddress: "127.0.0.1", remotePort: daemonPort, metadata: true });
  port.on("message", (msg) => inbox.push({ address: msg.address, args: msg.args.map((a) => a.value), types: msg.args.map((a) => a.type).join("") }));
  await new Promise((resolve, reject) => {
    port.once("ready", resolve);
    port.once("error", reject);
    port.open();
  });
});

after(async () => {
  if (port) port.close();
  if (daemon) await stopRoo(daemon);
  if (sim) await stopRoo(sim);
});

async function next(predicate, timeoutMs = 10000) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    const i = inbox.findIndex(predicate);
    if (i >= 0) return inbox.splice(i, 1)[0];
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`timed out; inbox: ${JSON.stringify(inbox.slice(-6))}`);
}

// Every /roo/status of one request, up to its final state.
async function statusesUntilFinal() {
  const seen = [];
  for (;;) {
    const msg = await next((m) => m.address === "/roo/status");
    seen.push(msg);
    if (["done", "failed", "cancelled"].includes(msg.args[1])) return seen;
  }
}

const s = (value) => ({ type: "s", value });
const i = (value) => ({ type: "i", value });
const f = (value) => ({ type: "f", value });

test("ping answers pong with the protocol version", async () => {
  port.send({ address: "/roo/ping", args: [] });
  const pong = await next((m) => m.address === "/roo/pong");
  assert.deepEqual(pong.args, [1]);
  assert.equal(pong.types, "i");
});

test("generate drums: queued, running, done; the notes are in the in-memory Live", async () => {
  port.send({ address: "/roo/generate", args: [s("drums"), s("track"), i(1), s("slot"), i(0), s("bars"), i(2),
    s("density"), f(0.7), s("seed"), i(3)] });
  const statuses = await statusesUntilFinal();
  const states = statuses.map((m) => m.args[1]);
  assert.equal(states[0], "queued");
  assert.ok(states.includes("running"));
  const done = statuses.at(-1);
  assert.equal(done.args[1], "done", JSON.stringify(done.args));
  assert.equal(done.types, "isfs");
  assert.equal(done.args[2], 1);
  assert.ok(statuses.every((m) => m.args[0] === done.args[0]), "one job id throughout");
  const m = /(\d+) notes, 2 bars in track 2, scene 1/.exec(done.args[3]);
  assert.ok(m, done.args[3]);
  const notes = await clipNotes(livePort, 1, 0);
  assert.equal(notes.length, Number(m[1]));
  assert.ok(notes.length > 0);
  for (const n of notes) {
    assert.ok(Number.isInteger(n.pitch) && n.pitch >= 0 && n.pitch <= 127, JSON.stringify(n));
    assert.ok(n.start >= 0 && n.start < 8, `2 bars of 4/4 are 8 beats: ${JSON.stringify(n)}`);
    assert.ok(n.duration > 0 && n.velocity >= 1 && n.velocity <= 127, JSON.stringify(n));
  }
});

test("the same seed into another slot writes the same notes; a filled slot is not overwritten", async () => {
  const args = [s("drums"), s("track"), i(1), s("slot"), i(0), s("bars"), i(2), s("density"), f(0.7), s("seed"), i(3)];
  port.send({ address: "/roo/generate", args });
  const done = (await statusesUntilFinal()).at(-1);
  assert.equal(done.args[1], "done", JSON.stringify(done.args));
  const m = /track 2, scene (\d+)/.exec(done.args[3]); // Live's count from 1: the OSC's track 1, slot m - 1
  assert.ok(m && Number(m[1]) !== 1, `slot 0 was full, so the take goes elsewhere: ${done.args[3]}`);
  assert.deepEqual(await clipNotes(livePort, 1, Number(m[1]) - 1), await clipNotes(livePort, 1, 0));
});

test("a bad request fails with a status that names the value", async () => {
  port.send({ address: "/roo/generate", args: [s("drums"), s("bars"), i(0)] });
  const final = (await statusesUntilFinal()).at(-1);
  assert.equal(final.args[1], "failed");
  assert.match(final.args[3], /bars 0/);
});
