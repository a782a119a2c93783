// A piano roll on a canvas: one bar per note, pitch up, time across; beat and bar lines behind.
// Sets data-notes-drawn on the canvas to the number of notes it drew (tests and screen readers use it).
// size: the canvas' CSS size when the caller knows it (from a ResizeObserver: no layout is forced).

export function drawRoll(canvas, notes, lengthBeats, beatsPerBar = 4, size = null) {
  const ratio = window.devicePixelRatio || 1;
  const width = size?.width || canvas.clientWidth || 600;
  const height = size?.height || canvas.clientHeight || 90;
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round(height * ratio);
  const g = canvas.getContext("2d");
  g.scale(ratio, ratio);
  g.clearRect(0, 0, width, height);
  const end = Math.max(lengthBeats || 0, ...notes.map((n) => n.start_beats + n.length_beats), 1);
  const pitches = notes.map((n) => n.pitch);
  const low = (pitches.length ? Math.min(...pitches) : 60) - 2; // at least an octave tall
  const high = Math.max(pitches.length ? Math.max(...pitches) + 2 : 72, low + 14);
  const x = (beats) => (beats / end) * width;
  const rowH = height / (high - low + 1);
  for (let beat = 0; beat <= end; beat += 1) {
    g.fillStyle = beat % beatsPerBar === 0 ? "#3a3f4a" : "#24282f";
    g.fillRect(Math.round(x(beat)), 0, 1, height);
  }
  let drawn = 0;
  for (const n of notes) {
    const y = height - (n.pitch - low + 1) * rowH;
    const alpha = 0.45 + 0.55 * (n.velocity / 127);
    g.fillStyle = `rgba(242, 165, 65, ${alpha.toFixed(2)})`;
    g.fillRect(x(n.start_beats), y, Math.max(2, x(n.length_beats) - 1), Math.max(2, rowH - 1));
    drawn += 1;
  }
  canvas.dataset.notesDrawn = String(drawn);
  canvas.setAttribute("aria-label", `piano roll: ${drawn} notes over ${end} beats, pitches ${low + 1} to ${high - 1}`);
  return drawn;
}
