// MuseAroo track locator for Max's classic [js musearoo_track.js] (it needs the LiveAPI, which
// node.script cannot reach). On a bang from [live.thisdevice] (the Live API is ready) it finds
// the track that holds this device through "this_device canonical_parent" and sends
// "own_track <index>" to the node.script; -1 when the device is not on a regular track. It
// observes the Set's track list, so moving or inserting tracks updates the index.
autowatch = 0;
inlets = 1;
outlets = 1;

var tracksObserver = null;

function trackIndex(path) {
  // "live_set tracks 3" or, inside a rack, "live_set tracks 3 devices 0 chains 1"
  var match = /^live_set tracks (\d+)/.exec(String(path).replace(/"/g, ""));
  return match ? parseInt(match[1], 10) : -1;
}

function report() {
  var parent = new LiveAPI("this_device canonical_parent");
  outlet(0, "own_track", trackIndex(parent.unquotedpath));
}

function tracksChanged(args) {
  if (args && args[0] === "tracks") report();
}

function bang() {
  if (tracksObserver === null) {
    tracksObserver = new LiveAPI(tracksChanged, "live_set");
    tracksObserver.property = "tracks";
  }
  report();
}
