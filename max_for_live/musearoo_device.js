// MuseAroo device host for Max's [node.script musearoo_device.js @autostart 1].
//
// Wires the pure logic (musearoo_logic.js) to Max: messages into the node.script inlet (from the
// UI controls, from [udpreceive] and from the [js musearoo_track.js] track locator) go to the
// logic's handlers; everything the logic emits leaves the left outlet, where [route osc listen
// status progress rtt context source] sends it on. At load it picks a free UDP port, tells [udpreceive]
// to listen there and registers that port with the daemon; the registration is repeated as the
// heartbeat, so a daemon that restarts gets the device back without any user action.
"use strict";

const dgram = require("dgram");
const path = require("path");
const Max = require("max-api");
const { DeviceLogic, loadProtocol, DEFAULTS } = require("./musearoo_logic.js");

const protocol = loadProtocol(path.join(__dirname, "protocol.json"));

function envMs(name, fallback) {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

// A port the OS says is free on loopback; [udpreceive] binds it right after.
function freeUdpPort(host) {
  return new Promise((resolve, reject) => {
    const sock = dgram.createSocket("udp4");
    sock.once("error", reject);
    sock.bind(0, host, () => {
      const { port } = sock.address();
      sock.close(() => resolve(port));
    });
  });
}

const logic = new DeviceLogic({
  protocol,
  out: (...atoms) => Max.outlet(...atoms),
  now: () => performance.now(),
  seed: Number(process.env.MUSEAROO_SEED) || 1 + Math.floor(Math.random() * 99999),
  options: {
    heartbeatMs: envMs("MUSEAROO_HEARTBEAT_MS", DEFAULTS.heartbeatMs),
    timeoutMs: envMs("MUSEAROO_TIMEOUT_MS", DEFAULTS.timeoutMs),
  },
});

Max.addHandlers(logic.handlers());

freeUdpPort(protocol.host).then(
  (port) => {
    logic.start(port);
    // unref: inside Max the node process lives as long as the object; under a test it may end.
    setInterval(() => logic.tick(), logic.opt.heartbeatMs).unref();
  },
  (err) => Max.post(`MuseAroo: no free UDP port on ${protocol.host}: ${err.message}`, Max.POST_LEVELS.ERROR),
);
