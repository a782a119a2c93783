// The built device (its patch cords run by patch_harness.js, its real scripts, the stub max-api and
// a stub LiveAPI) against the real daemon and the in-memory Live over UDP: it reports the daemon
// missing, connects when it starts, writes clips into its own track, and recovers after a restart.
"use strict";

const assert = require("node:assert/strict");
const { after, before, test } = require("node:test");
const { Harness } = require("./patch_harness.js");
const { freeUdpPort, startRoo, stopRoo, clipNotes, query, send } = require("./roo_processes.js");
const { DAEMON_DOWN, GENRES } = require("../../../max_for_live/musearoo_logic.js");

let sim;
let daemon;
let livePort;
let daemonPort;
let device;

const serve = () => startRoo(["serve", "--port", String(daemonPort), "--live-port", String(livePort)], "listening");

before(async () => {
  livePort = await freeUdpPort();
  daemonPort = await freeUdpPort();
  sim = await startRoo(["sim", "--port", String(livePort), "--quiet"], "listening");
  device = new Harness({
    daemonPort,
    ownTrack: 2,
    env: { MUSEAROO_HEARTBEAT_MS: "100", MUSEAROO_TIMEOUT_MS: "1500", MUSEAROO_SEED: "7" },
  });
});

after(async () => {
  if (device) device.close();
  if (daemon) await stopRoo(daemon);
  if (sim) await stopRoo(sim);
});

const doneOrFailed = () => /^#\d+ \S+ (done|failed|cancelled)/.test(device.shown.status);

async function generateWith(button) {
  const before = device.statusLog.length;
  device.press(button);
  await device.waitFor(`${button} to finish`, () => device.statusLog.length > before && doneOrFailed());
  const status = device.shown.status;
  // the status counts tracks and scenes from 1 as Live shows them; the locator and clipNotes take indexes from 0
  const m = /done: \w+: (\d+) notes, (\d+) bars in track (\d+), scene (\d+)/.exec(status);
  assert.ok(m, status);
  return { count: Number(m[1]), bars: Number(m[2]), track: Number(m[3]) - 1, slot: Number(m[4]) - 1 };
}

test("no daemon yet: the status line says how to start it, and a click sends nothing", async () => {
  device.load();
  await device.waitFor("the daemon-down hint", () => device.shown.status === DAEMON_DOWN);
  assert.equal(device.shown.status, "daemon not running - start it with: make run (or roo serve)");
  assert.ok(device.receiver.port > 0 && device.receiver.port !== daemonPort, "udpreceive got a port of its own");
  assert.ok(device.sent.some((m) => m.address === "/roo/register" && m.args[0] === device.receiver.port && m.types === "i"));
  device.press("Drums");
  assert.ok(!device.sent.some((m) => m.address === "/roo/generate"));
  assert.equal(device.shown.status, DAEMON_DOWN);
});

test("the daemon starts: the device connects by itself and shows the link round trip", async () => {
  daemon = await serve();
  await device.waitFor("connected", () => device.shown.status.startsWith("connected to the MuseAroo daemon"));
  await device.waitFor("a link time", () => /link \d/.test(device.shown.rtt));
});

test("Drums with Bars 2 and a genre: a clip in the device's own track, notes in Live", async () => {
  device.set("Bars", 2);
  device.select("Genre", GENRES.indexOf("jazz"));
  device.set("Density", 1.0);
  const take = await generateWith("Drums");
  assert.deepEqual([take.bars, take.track], [2, 2], "own track 2 comes from the LiveAPI locator");
  const notes = await clipNotes(livePort, take.track, take.slot);
  assert.equal(notes.length, take.count);
  assert.ok(notes.length > 0 && notes.every((n) => n.pitch >= 0 && n.pitch <= 127 && n.start < 8));
  assert.equal(device.shown.progress, 100);
  assert.match(device.shown.rtt, /^round trip [\d.]+ ms \(generate #\d+\) \| link [\d.]+ ms$/);
  const sent = device.sent.filter((m) => m.address === "/roo/generate").at(-1);
  assert.deepEqual(sent.args, ["drums", "track", 2, "slot", -1, "bars", 2, "genre", "jazz", "density", 1,
    "complexity", 0.5, "seed", 7]);
  // Integer-valued JS numbers leave node.script as Max ints (density 1.0 included), so the daemon
  // must take an int where it expects a float; it does (its option parser widens ints).
  assert.equal(sent.types, "ssisisisssisfsi");
});

test("Target off writes to the selected track; a moved device follows its new track; Vary adds a take", async () => {
  device.set("Target", 0);
  const selected = await generateWith("Bass");
  const [, ...context] = await query(livePort, "/roo/live/context", [{ type: "i", value: 1 }]);
  assert.equal(selected.track, context[5], "selected_track from Live's own context");
  device.set("Target", 1);
  device.moveTrack(3);
  const chords = await generateWith("Chords");
  assert.equal(chords.track, 3);
  const varied = await generateWith("Vary");
  assert.equal(varied.track, 3);
  assert.notEqual(varied.slot, chords.slot, "a variation never replaces the take it varies");
  const sent = device.sent.filter((m) => m.address === "/roo/generate").slice(-2);
  assert.equal(sent[1].args.at(-1), sent[0].args.at(-1) + 1, "the variation uses the next seed");
});

test("History lists the takes just made; Star and Recall are jobs on the chosen take", async () => {
  device.press("History");
  await device.waitFor("the listing", () => device.shown.status.startsWith("history 1/"));
  assert.match(device.shown.status, /^history 1\/\d: [0-9a-f]{12} generate chords /, "the newest: Vary's chords");
  device.set("Take", 2);
  const chosen = /^history 2\/\d: ([0-9a-f]{12}) generate chords /.exec(device.shown.status);
  assert.ok(chosen, device.shown.status);
  for (const button of ["Star", "Recall"]) {
    const before = device.statusLog.length;
    device.press(button);
    await device.waitFor(`${button} to finish`, () => device.statusLog.length > before && doneOrFailed());
    assert.match(device.shown.status, /^#\d+ history_\w+ done/, device.shown.status);
  }
  assert.match(device.shown.status, new RegExp(`recalled take ${chosen[1]}: \\d+ notes in track 4, scene \\d+`));
  const sent = device.sent.filter((m) => m.address.startsWith("/roo/history/"));
  assert.deepEqual(sent.map((m) => [m.address, ...m.args]).slice(-3), [
    ["/roo/history/list", "limit", 8],
    ["/roo/history/star", chosen[1], 1],
    ["/roo/history/recall", chosen[1]],
  ]);
});

test("prompt + MusicGen, Split stems with its model, push-to-talk leave the device as protocol messages", () => {
  device.type("Prompt", "lofi piano loop with vinyl crackle");
  device.press("MusicGen");
  device.select("Stem model", 2);
  device.press("Split stems");
  device.press("Voice");
  device.release("Voice");
  const tail = device.sent.filter((m) => m.address !== "/roo/register").slice(-4);
  assert.deepEqual(tail.map((m) => [m.address, ...m.args]), [
    ["/roo/musicgen", "lofi piano loop with vinyl crackle", 2],
    ["/roo/separate", -1, -1, "htdemucs_6s"],
    ["/roo/voice/start"],
    ["/roo/voice/stop"],
  ]);
});

test("a tempo change in Live reaches the song line", async () => {
  await send(livePort, "/live/song/set/tempo", [{ type: "f", value: 98 }]);
  await device.waitFor("the new tempo", () => device.shown.context.startsWith("98.0 BPM 4/4"), 8000);
});

test("the daemon stops and restarts: down hint, then connected and generating again", async () => {
  await stopRoo(daemon);
  daemon = null;
  await device.waitFor("the daemon-down hint", () => device.shown.status === DAEMON_DOWN);
  daemon = await serve();
  await device.waitFor("connected again", () => device.shown.status.startsWith("connected"));
  // The new daemon knows the device only through the heartbeat's re-registration.
  const take = await generateWith("Melody");
  assert.equal(take.track, 3);
  assert.equal((await clipNotes(livePort, take.track, take.slot)).length, take.count);
});
