// Compare two takes: the history's diff (GET /api/diff, the same as `roo diff`) drawn as one piano
// roll of take B where added notes are green, removed ones red and moved ones amber (an arrow from
// where they were), with the bar-by-bar changes as a list. Sets data-added-drawn, data-removed-drawn
// and data-moved-drawn on the canvas.

const COLORS = { kept: "rgba(154, 160, 170, 0.45)", added: "#58c27d", removed: "#e5534b", moved: "#f2a541" };

export function drawDiff(canvas, diff, notesB, lengthBeats) {
  const ratio = window.devicePixelRatio || 1;
  const width = canvas.clientWidth || 600;
  const height = canvas.clientHeight || 120;
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round(height * ratio);
  const g = canvas.getContext("2d");
  g.scale(ratio, ratio);
  const added = diff.bars.flatMap((b) => b.added);
  const removed = diff.bars.flatMap((b) => b.removed);
  const moved = diff.bars.flatMap((b) => b.moved);
  const all = [...notesB, ...removed, ...moved.map((m) => m.from)];
  const end = Math.max(lengthBeats || 0, ...all.map((n) => n.start_beats + n.length_beats), 1);
  const pitches = all.map((n) => n.pitch);
  const low = (pitches.length ? Math.min(...pitches) : 60) - 2;
  const high = Math.max(pitches.length ? Math.max(...pitches) + 2 : 72, low + 14);
  const x = (beats) => (beats / end) * width;
  const rowH = height / (high - low + 1);
  const y = (pitch) => height - (pitch - low + 1) * rowH;
  const bar = (n, color) => {
    g.fillStyle = color;
    g.fillRect(x(n.start_beats), y(n.pitch), Math.max(2, x(n.length_beats) - 1), Math.max(2, rowH - 1));
  };
  const key = (n) => `${n.pitch}@${n.start_beats}`;
  const changed = new Set([...added, ...moved.map((m) => m.to)].map(key));
  for (const n of notesB) if (!changed.has(key(n))) bar(n, COLORS.kept);
  for (const n of removed) bar(n, COLORS.removed);
  for (const n of added) bar(n, COLORS.added);
  for (const m of moved) {
    bar(m.to, COLORS.moved);
    g.strokeStyle = COLORS.moved;
    g.beginPath();
    g.moveTo(x(m.from.start_beats), y(m.from.pitch) + rowH / 2);
    g.lineTo(x(m.to.start_beats), y(m.to.pitch) + rowH / 2);
    g.stroke();
  }
  canvas.dataset.addedDrawn = String(added.length);
  canvas.dataset.removedDrawn = String(removed.length);
  canvas.dataset.movedDrawn = String(moved.length);
  const s = diff.summary;
  canvas.setAttribute("aria-label", `take ${diff.b} against ${diff.a}: ${s.added} notes added (green), ` +
    `${s.removed} removed (red), ${s.moved} moved (amber), ${s.velocity} with a new velocity`);
}

const note = (n) => `${n.pitch}@${n.start_beats}`;

export function barLines(diff) {
  const lines = diff.bars.map((b) => {
    const parts = [...b.added.map((n) => `+${note(n)}`), ...b.removed.map((n) => `−${note(n)}`),
      ...b.moved.map((m) => `${note(m.from)}→${m.to.start_beats}`),
      ...b.velocity.map((v) => `${note(v.note)} v${v.from}→${v.to}`)];
    return `bar ${b.bar}: ${parts.join("  ")}`;
  });
  for (const a of diff.audio || []) {
    lines.push(`audio ${a.name}: ${a.loudness_dbfs.map((d) => d.toFixed(1)).join(" → ")} dBFS, ` +
      `spectral difference ${a.spectral_distance_db.toFixed(1)} dB`);
  }
  return lines;
}

// The page's Compare buttons: the first pressed picks take A, the next one B and shows the diff.
export function comparer({ api, el }) {
  const $ = (sel) => document.querySelector(sel);
  let from = null;
  $("#compare-close").addEventListener("click", () => { $("#compare").hidden = true; from = null; });
  return async function compare(take) {
    const panel = $("#compare");
    panel.hidden = false;
    if (!from || from === take.take_id) {
      from = take.take_id;
      panel.dataset.a = take.take_id;
      delete panel.dataset.b;
      $("#compare-summary").textContent = `Comparing from take ${take.take_id}: press Compare on another take.`;
      return;
    }
    const a = from;
    from = null;
    const [diff, detail] = await Promise.all([api("GET", `/api/diff?a=${a}&b=${take.take_id}`),
      api("GET", `/api/takes/${take.take_id}`)]);
    const s = diff.summary;
    $("#compare-summary").textContent = `${a} → ${take.take_id}: ${s.added} added, ${s.removed} removed, ` +
      `${s.moved} moved, ${s.velocity} new velocity`;
    drawDiff($("#compare-roll"), diff, detail.notes || [], detail.live?.length_beats);
    $("#compare-bars").replaceChildren(...barLines(diff).map((line) => el("li", {}, line)));
    panel.dataset.b = take.take_id;
    panel.scrollIntoView({ block: "nearest" });
  };
}
