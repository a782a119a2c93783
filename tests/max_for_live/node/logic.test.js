// The device logic alone, on a hand-driven clock: what it sends, what it shows, when it gives up.
"use strict";

const assert = require("node:assert/strict");
const path = require("node:path");
const { test } = require("node:test");
const { DeviceLogic, loadProtocol, GENRES, FILLS, DAEMON_DOWN, formatContext, barBeat } = require(
  path.resolve(__dirname, "../../../max_for_live/musearoo_logic.js"),
);

const protocol = loadProtocol(path.resolve(__dirname, "../../../max_for_live/protocol.json"));
const A = protocol.addresses;

function device(options = {}) {
  const clock = { t: 1000 };
  const outs = [];
  const logic = new DeviceLogic({
    protocol,
    out: (...atoms) => outs.push(atoms),
    now: () => clock.t,
    seed: 40,
    options: { heartbeatMs: 100, timeoutMs: 300, ...options },
  });
  const sent = () => outs.filter((o) => o[0] === "osc").map((o) => o.slice(1));
  const shown = (what) => outs.filter((o) => o[0] === what).map((o) => o[1]);
  const last = (what) => shown(what).at(-1);
  return { logic, clock, outs, sent, shown, last };
}

function connected(d, port = 50123) {
  d.logic.start(port);
  d.clock.t += 0.5;
  d.logic.handle(A.registered, [port]);
}

test("start: listen on the port, register it, say it is connecting", () => {
  const d = device();
  d.logic.start(50123);
  assert.deepEqual(d.outs[0], ["listen", 50123]);
  assert.deepEqual(d.sent(), [[A.register, 50123]]);
  assert.match(d.last("status"), /connecting/);
});

test("registered reply: connected, link round trip measured on the injected clock", () => {
  const d = device();
  d.logic.start(50123);
  d.clock.t += 2.5;
  d.logic.handle(A.registered, [50123]);
  assert.equal(d.last("status"), `connected to the MuseAroo daemon (protocol ${protocol.version})`);
  assert.equal(d.last("rtt"), "link 2.5 ms");
});

test("silence past the timeout: daemon-down message once, heartbeats go on, recovery on reply", () => {
  const d = device();
  connected(d);
  // The first tick sends an unanswered heartbeat; the timeout runs from there.
  for (let i = 0; i < 3; i++) {
    d.clock.t += 100;
    d.logic.tick();
  }
  assert.notEqual(d.last("status"), DAEMON_DOWN, "200 ms after an unanswered heartbeat is inside 300 ms");
  d.clock.t += 100;
  d.logic.tick();
  assert.equal(d.last("status"), DAEMON_DOWN);
  assert.equal(d.last("status"), "daemon not running - start it with: make run (or roo serve)");
  d.clock.t += 100;
  d.logic.tick();
  assert.equal(d.shown("status").filter((s) => s === DAEMON_DOWN).length, 1, "said once, not every tick");
  const registers = d.sent().filter((m) => m[0] === A.register).length;
  assert.equal(registers, 1 + 5, "start plus one heartbeat per tick, also while down");
  // A click while the daemon is down sends nothing and repeats the hint.
  d.logic.handle("generate", ["drums"]);
  assert.equal(d.sent().filter((m) => m[0] === A.generate).length, 0);
  assert.equal(d.last("status"), DAEMON_DOWN);
  d.logic.handle(A.registered, [50123]);
  assert.match(d.last("status"), /^connected/);
  d.logic.handle("generate", ["drums"]);
  assert.equal(d.sent().filter((m) => m[0] === A.generate).length, 1);
});

test("generate: part, own track when known and followed, selected slot, settings, rising seed", () => {
  const d = device();
  connected(d);
  d.logic.handle("bars", [2]);
  d.logic.handle("genre", [GENRES.indexOf("jazz")]);
  d.logic.handle("density", [0.8]);
  d.logic.handle("complexity", [0.25]);
  d.logic.handle("generate", ["bass"]);
  d.logic.handle("own_track", [3]);
  d.logic.handle("generate", ["drums"]);
  d.logic.handle("follow", [0]);
  d.logic.handle("generate", ["melody"]);
  const gens = d.sent().filter((m) => m[0] === A.generate);
  const common = ["slot", -1, "bars", 2, "genre", "jazz", "density", 0.8, "complexity", 0.25];
  assert.deepEqual(gens[0], [A.generate, "bass", "track", -1, ...common, "seed", 40]);
  assert.deepEqual(gens[1], [A.generate, "drums", "track", 3, ...common, "seed", 41]);
  assert.deepEqual(gens[2], [A.generate, "melody", "track", -1, ...common, "seed", 42]);
  for (const [, , ...opts] of gens) {
    for (let i = 0; i < opts.length; i += 2) assert.ok(opts[i] in protocol.generate_options, opts[i]);
  }
});

test("groove: the dials go out only while My groove is on; the fills menu's genre entry sends none", () => {
  const d = device();
  connected(d);
  d.logic.handle("swing", [0.25]);
  d.logic.handle("humanize", [0]);
  d.logic.handle("generate", ["drums"]); // Genre groove: the genre's own swing and humanize
  d.logic.handle("groove", [1]);
  d.logic.handle("accent", [0.9]);
  d.logic.handle("intensity", [1.5]); // clamped to 1
  d.logic.handle("fills", [FILLS.indexOf("4")]);
  d.logic.handle("generate", ["drums"]);
  d.logic.handle("vary", []);
  const gens = d.sent().filter((m) => m[0] === A.generate);
  assert.ok(!gens[0].includes("swing") && !gens[0].includes("fills"));
  const groove = ["swing", 0.25, "humanize", 0, "accent", 0.9, "intensity", 1, "fills", "4"];
  assert.deepEqual(gens[1].slice(-groove.length), groove);
  assert.deepEqual(gens[2].slice(-groove.length), groove);
  for (const [, , ...opts] of gens) {
    for (let i = 0; i < opts.length; i += 2) assert.ok(opts[i] in protocol.generate_options, opts[i]);
  }
});

test("vary repeats the last generate with the next seed; before any generate it only explains", () => {
  const d = device();
  connected(d);
  d.logic.handle("vary", []);
  assert.match(d.last("status"), /nothing to vary/);
  d.logic.handle("generate", ["chords"]);
  d.logic.handle("bars", [8]);
  d.logic.handle("vary", []);
  const gens = d.sent().filter((m) => m[0] === A.generate);
  assert.equal(gens.length, 2);
  assert.deepEqual(gens[1].slice(0, -1), gens[0].slice(0, -1), "same part and settings as the take it varies");
  assert.equal(gens[1].at(-1), gens[0].at(-1) + 1);
});

test("prompt, MusicGen, analyze, warp to song, split stems with the chosen model, push-to-talk", () => {
  const d = device();
  connected(d);
  d.logic.handle("musicgen", []);
  assert.match(d.last("status"), /type a prompt/);
  d.logic.handle("prompt", ["text", "lofi", "piano", "loop"]);
  d.logic.handle("musicgen", []);
  d.logic.handle("analyze", []);
  d.logic.handle("warp", []);
  d.logic.handle("model", [protocol.separation_models.indexOf("htdemucs_6s")]);
  d.logic.handle("separate", []);
  d.logic.handle("voice", []);
  d.logic.handle("voice", []);
  assert.deepEqual(d.sent().slice(2), [ // after the registration and the question what parts follow
    [A.musicgen, "lofi piano loop", 4],
    [A.analyze],
    [A.analyze, "warp", 1],
    [A.separate, -1, -1, "htdemucs_6s"],
    [A.voice_start],
    [A.voice_stop],
  ]);
});

test("Convert to MIDI: the selected audio clip with the chosen kind, quantize only when turned up, the Arrangement switch", () => {
  const d = device();
  connected(d);
  d.logic.handle("tomidi", []);
  d.logic.handle("midikind", [protocol.transcribe_kinds.indexOf("bass")]);
  d.logic.handle("quantize", [0.5]);
  d.logic.handle("tomidi", []);
  d.logic.handle("midikind", [protocol.transcribe_kinds.indexOf("drums")]);
  d.logic.handle("quantize", [0]);
  d.logic.handle("arrangement", [1]);
  d.logic.handle("tomidi", []);
  assert.deepEqual(d.sent().slice(2), [
    [A.transcribe, -1, -1, "kind", "auto"],
    [A.transcribe, -1, -1, "kind", "bass", "quantize", 0.5],
    [A.transcribe, -1, -1, "kind", "drums", "arrangement", 1],
  ]);
  assert.match(d.last("status"), /convert the arrangement clip in the Clip View to MIDI \(drums\): sent/);
});

test("a voice press that is never released stops by itself", () => {
  const d = device({ voiceMaxMs: 250 });
  connected(d);
  d.logic.handle("voice", []);
  for (let i = 0; i < 3; i++) {
    d.clock.t += 100;
    d.logic.handle(A.registered, [50123]);
    d.logic.tick();
  }
  assert.deepEqual(d.sent().filter((m) => m[0].startsWith("/roo/voice")).map((m) => m[0]), [A.voice_start, A.voice_stop]);
});

test("status lines, progress bar, round trip from request to final state, cancel of the running job", () => {
  const d = device();
  connected(d);
  d.logic.handle("generate", ["drums"]);
  d.clock.t += 1;
  d.logic.handle(A.status, [7, "queued", 0.0, "generate queued"]);
  d.logic.handle(A.status, [7, "running", 0.6, "16 notes generated"]);
  assert.equal(d.last("status"), "#7 generate running 60%: 16 notes generated");
  assert.equal(d.last("progress"), 60);
  d.logic.handle("cancel", []);
  assert.deepEqual(d.sent().at(-1), [A.cancel, 7]);
  d.clock.t += 11.5;
  d.logic.handle(A.status, [7, "done", 1.0, "drums: 16 notes, 2 bars in track 1, scene 1"]);
  assert.equal(d.last("status"), "#7 generate done: drums: 16 notes, 2 bars in track 1, scene 1");
  assert.equal(d.last("progress"), 100);
  assert.equal(d.last("rtt"), "round trip 13 ms (generate #7) | link 0.5 ms");
  d.logic.handle("cancel", []);
  assert.equal(d.last("status"), "nothing to cancel");
  // A job someone else started (another client, a voice command) is shown but not timed.
  d.logic.handle(A.status, [8, "failed", 0.0, "track 99 is out of range"]);
  assert.equal(d.last("status"), "#8 failed: track 99 is out of range");
  assert.equal(d.last("progress"), 0);
  assert.match(d.last("rtt"), /generate #7/);
});

test("song context line and daemon errors", () => {
  const d = device();
  connected(d);
  const ctx = { tempo_bpm: 98.0, signature_numerator: 6, signature_denominator: 8, root_note: 9,
    scale_name: "Minor", selected_track: 1, selected_slot: 0, song_time_beats: 0.0, is_playing: 0,
    num_tracks: 6, num_scenes: 8, live_version: "12.1" };
  d.logic.handle(A.context, protocol.context_fields.map((f) => ctx[f]));
  assert.equal(d.last("context"), "98.0 BPM 6/8 A Minor");
  assert.equal(formatContext({ ...ctx, root_note: 1, is_playing: 1 }), "98.0 BPM 6/8 C# Minor playing");
  d.logic.handle(A.error, [A.generate, "part 'kazoo' is not known"]);
  assert.equal(d.last("status"), `error from daemon (${A.generate}): part 'kazoo' is not known`);
});

test("Jam starts a Link jam at the song's tempo and key with the Genre menu's genre, and stops it", () => {
  const d = device();
  connected(d);
  const ctx = { tempo_bpm: 98.0, signature_numerator: 4, signature_denominator: 4, root_note: 2,
    scale_name: "Minor", selected_track: 1, selected_slot: 0, song_time_beats: 0.0, is_playing: 1,
    num_tracks: 6, num_scenes: 8, live_version: "12.1" };
  d.logic.handle(A.context, protocol.context_fields.map((f) => ctx[f]));
  d.logic.handle("genre", [GENRES.indexOf("funk")]);
  d.logic.handle("jam", [1]);
  assert.deepEqual(d.sent().at(-1), [A.jam_start, "sync", "link", "genre", "funk", "tempo", 98.0, "key", "D minor"]);
  assert.equal(d.last("status"), "jam: sent");
  d.logic.handle(A.jam_state, ["started", JSON.stringify({ sync: "link", parts: "drums,bass,chords,melody", tempo: 98.0 })]);
  assert.equal(d.logic.jamPlaying, true);
  assert.equal(d.last("status"), "jam started: sync link, parts drums,bass,chords,melody, tempo 98");
  d.logic.handle("jam", [0]);
  assert.deepEqual(d.sent().at(-1), [A.jam_stop]);
  d.logic.handle(A.jam_state, ["stopped", JSON.stringify({ bars_played: 12, record: null })]);
  assert.equal(d.logic.jamPlaying, false);
  assert.equal(d.last("status"), "jam stopped: bars_played 12");
});

test("Rec jam makes the next jam record; a song in a mode other than major or minor sends no key", () => {
  const d = device();
  connected(d);
  const ctx = { tempo_bpm: 120.0, signature_numerator: 4, signature_denominator: 4, root_note: 0,
    scale_name: "Dorian", selected_track: 0, selected_slot: 0, song_time_beats: 0.0, is_playing: 0,
    num_tracks: 2, num_scenes: 8, live_version: "12.1" };
  d.logic.handle(A.context, protocol.context_fields.map((f) => ctx[f]));
  d.logic.handle("jamrecord", [1]);
  d.logic.handle("jam", [1]);
  assert.deepEqual(d.sent().at(-1), [A.jam_start, "sync", "link", "genre", "pop", "tempo", 120.0, "record", "jam.mid"]);
  assert.equal(d.last("status"), "jam (recording): sent");
  d.logic.handle("jamrecord", [0]);
  d.logic.handle("jam", [1]);
  assert.equal(d.sent().at(-1).includes("record"), false);
  d.logic.handle(A.jam_state, ["failed", JSON.stringify({ message: "a jam is already playing" })]);
  assert.equal(d.last("status"), "jam failed: message a jam is already playing");
});

test("Jam with the daemon down sends nothing and says so", () => {
  const d = device();
  d.logic.start(50123);
  for (let i = 0; i < 4; i++) {
    d.clock.t += 100;
    d.logic.tick();
  }
  const before = d.sent().length;
  d.logic.handle("jam", [1]);
  assert.equal(d.sent().length, before);
  assert.equal(d.last("status"), DAEMON_DOWN);
});

test("unknown selectors are refused, not guessed", () => {
  const d = device();
  assert.equal(d.logic.handle("explode", []), false);
  d.logic.handle("generate", ["kazoo"]);
  assert.match(d.last("status"), /unknown part kazoo/);
  assert.equal(d.sent().length, 0);
});

test("a click refused while the daemon is down does not use up a seed", () => {
  const d = device();
  d.logic.start(50123);
  for (let i = 0; i < 5; i++) {
    d.clock.t += 100;
    d.logic.tick();
  }
  d.logic.handle("generate", ["drums"]);
  d.logic.handle(A.registered, [50123]);
  d.logic.handle("generate", ["drums"]);
  assert.deepEqual(d.sent().filter((m) => m[0] === A.generate).map((m) => m.at(-1)), [40]);
});

test("History lists the newest takes; Take picks one; Recall and Star act on it; Undo that is a command", () => {
  const d = device();
  connected(d);
  d.logic.handle("recall");
  assert.match(d.last("status"), /press History to list the takes first/);
  assert.ok(!d.sent().some((m) => m[0] === A.history_recall), "nothing is recalled before a listing");
  d.logic.handle("history");
  assert.deepEqual(d.sent().at(-1), [A.history_list, "limit", 8]);
  d.logic.handle(A.history_take, ["aaaaaa000002", "aaaaaa000001", "generate", "bass", "2026-11-23T06:00:01.250Z", "", 0]);
  d.logic.handle(A.history_take, ["aaaaaa000001", "", "generate", "bass", "2026-11-23T06:00:00.000Z", "keep", 1]);
  d.logic.handle(A.history_end, [2]);
  assert.equal(d.last("status"), "history 1/2: aaaaaa000002 generate bass 2026-11-23 06:00:01");
  d.logic.handle("take", [2]);
  assert.equal(d.last("status"), 'history 2/2: aaaaaa000001 generate bass * 2026-11-23 06:00:00 "keep"');
  d.logic.handle("star");
  assert.deepEqual(d.sent().at(-1), [A.history_star, "aaaaaa000001", 0], "a starred take is unstarred");
  d.logic.handle("star");
  assert.deepEqual(d.sent().at(-1), [A.history_star, "aaaaaa000001", 1]);
  d.logic.handle("recall");
  assert.deepEqual(d.sent().at(-1), [A.history_recall, "aaaaaa000001"]);
  d.logic.handle("undo");
  assert.deepEqual(d.sent().at(-1), [A.command, "undo that"]);
  d.logic.handle("take", [8]); // past the listing: the oldest listed take
  assert.match(d.last("status"), /^history 2\/2: aaaaaa000001/);
});

test("a listing this device did not ask for is ignored; an empty one says so", () => {
  const d = device();
  connected(d);
  d.logic.handle(A.history_take, ["bbbbbb000001", "", "generate", "drums", "2026-11-23T06:00:00.000Z", "", 0]);
  d.logic.handle(A.history_end, [1]);
  d.logic.handle("recall");
  assert.match(d.last("status"), /press History/);
  d.logic.handle("history");
  d.logic.handle(A.history_end, [0]);
  assert.equal(d.last("status"), "history: no takes yet in this project");
});

test("on connecting it asks what parts follow; Follow nothing is one press; the source line shows the answer", () => {
  const d = device();
  connected(d);
  assert.deepEqual(d.sent(), [[A.register, 50123], [A.follow]]);
  d.logic.handle(A.follow_state, ["auto", -1, -1, "following a chord or bass clip when selected, else Live's key and the genre"]);
  assert.match(d.last("source"), /^following a chord or bass clip/);
  d.logic.handle("follownothing", []);
  assert.deepEqual(d.sent().at(-1), [A.follow, "none"]);
  d.logic.handle(A.follow_state, ["none", -1, -1, "follow nothing: Live's key and the genre's progression"]);
  assert.equal(d.last("source"), "[follow nothing] follow nothing: Live's key and the genre's progression");
  d.logic.handle("followclip", []);
  assert.deepEqual(d.sent().at(-1), [A.follow, -1, -1]);
  d.logic.handle(A.follow_state, ["clip", 3, 0, "chord source: track 4, scene 1 ('Keys'): 4 chords, G major"]);
  assert.match(d.last("source"), /track 4, scene 1 \('Keys'\)/);
  assert.equal(d.logic.source.track, 3);
  d.logic.handle("followauto", []);
  assert.deepEqual(d.sent().at(-1), [A.follow, "auto"]);
});

test("Arrangement switch: one part goes to the loop brace (no Bars), a vary there replaces it; All and Song go as they are", () => {
  const d = device();
  connected(d);
  d.logic.handle("bars", [2]);
  d.logic.handle("generate", ["bass"]); // a slot, as before
  d.logic.handle("arrangement", [1]);
  d.logic.handle("generate", ["chords"]);
  d.logic.handle("vary", []);
  d.logic.handle("generate", ["song"]);
  d.logic.handle("arrangement", [0]);
  d.logic.handle("generate", ["drums"]);
  const gens = d.sent().filter((m) => m[0] === A.generate);
  assert.ok(gens[0].includes("bars") && !gens[0].includes("arrangement"));
  assert.deepEqual(gens[1].slice(-2), ["arrangement", 1]);
  assert.ok(!gens[1].includes("bars"), "the loop brace gives the length");
  assert.deepEqual(gens[2].slice(-4), ["arrangement", 1, "replace", 1]);
  assert.equal(gens[2][1], "chords");
  assert.ok(gens[3].includes("bars") && !gens[3].includes("arrangement"), "song lays out its own");
  assert.ok(gens[4].includes("bars") && !gens[4].includes("arrangement"));
  assert.match(d.shown("status").find((s) => s.includes("chords")), /in the Arrangement/);
  for (const [, , ...opts] of gens) {
    for (let i = 0; i < opts.length; i += 2) assert.ok(opts[i] in protocol.generate_options, opts[i]);
  }
});

test("Transform: the selected clip into a slot; with the Arrangement switch on, the Clip View's arrangement clip in place", () => {
  const d = device();
  connected(d);
  const kinds = protocol.transform_kinds.filter((k) => !k.startsWith("drums_"));
  d.logic.handle("transformkind", [kinds.indexOf("retrograde")]);
  d.logic.handle("transform", []);
  d.logic.handle("arrangement", [1]);
  d.logic.handle("transformkind", [kinds.indexOf("humanize")]);
  d.logic.handle("transform", []);
  d.logic.handle("transformkind", [99]); // out of the menu: the kind stays
  d.logic.handle("transform", []);
  const sent = d.sent().filter((m) => m[0] === A.transform);
  assert.deepEqual(sent[0], [A.transform, "retrograde", "track", -1, "slot", -1, "seed", 40]);
  assert.deepEqual(sent[1], [A.transform, "humanize", "track", -1, "slot", -1, "seed", 41, "arrangement", 1]);
  assert.equal(sent[2][1], "humanize");
  assert.match(d.shown("status").find((s) => s.includes("humanize")), /arrangement clip in the Clip View/);
  for (const [, , ...opts] of sent) {
    for (let i = 0; i < opts.length; i += 2) assert.ok(opts[i] in protocol.transform_options, opts[i]);
  }
});

test("a result cut to one datagram says so on the status line, what it carries and where the whole is", () => {
  const d = device();
  connected(d);
  const notes = [{ pitch: 36, start_s: 0.0 }, { pitch: 43, start_s: 0.017 }];
  const cut = { kind: "piano", track: 1, slot: 0, start_beats: 0.0, note_count: 10000, notes,
    cut: { notes: { count: 10000, carried: 2 } },
    whole: { job: 7, result: 0, bytes: 1211808, parts: 19, osc: "/roo/result/get", http: "/api/jobs/7/result" } };
  d.logic.handle(A.result, [7, "transcribe", JSON.stringify(cut)]);
  assert.equal(d.last("status"),
    "#7 transcribe (cut: notes 2 of 10000; whole on /api/jobs/7/result): kind piano, track 2, scene 1");
  d.logic.handle(A.result, [8, "transcribe", JSON.stringify({ kind: "bass", track: 3, slot: 0, start_beats: 0.0, notes })]);
  assert.equal(d.last("status"), "#8 transcribe: kind bass, track 4, scene 1");
});

test("a result's place is said as Live shows it: tracks and scenes from 1, the Arrangement in bar.beat", () => {
  const d = device();
  connected(d);
  const arranged = { kind: "piano", track: 0, slot: -1, start_beats: 16.5, length_beats: 8 };
  d.logic.handle(A.result, [9, "transcribe", JSON.stringify(arranged)]);
  assert.equal(d.last("status"), "#9 transcribe: kind piano, track 1 at bar 5.1.3"); // 4/4 before a context
  const ctx = { tempo_bpm: 90.0, signature_numerator: 3, signature_denominator: 4, root_note: 0, scale_name: "Major",
    selected_track: 0, selected_slot: 0, song_time_beats: 0.0, is_playing: 0, num_tracks: 4, num_scenes: 8, live_version: "12.1" };
  d.logic.handle(A.context, protocol.context_fields.map((f) => ctx[f]));
  d.logic.handle(A.result, [10, "transcribe", JSON.stringify(arranged)]);
  assert.equal(d.last("status"), "#10 transcribe: kind piano, track 1 at bar 6.2.3"); // Live's 3/4 ruler
  d.logic.handle(A.result, [11, "analyze", JSON.stringify({ tempo_bpm: 120, key: "A minor" })]);
  assert.equal(d.last("status"), "#11 analyze: tempo_bpm 120, key A minor"); // no place: the fields as they came
  assert.deepEqual([0, 15.99, 16, 17, 18.75, 47.9].map((b) => barBeat(b)), ["1.1", "5.1", "5.1", "5.2", "5.3.4", "13.1"]);
  assert.equal(barBeat(16, 3), "6.2");
});
