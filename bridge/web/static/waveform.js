// An audio take's waveform on a canvas, with its analysis drawn over it when it has one: beats as
// thin lines, downbeats as strong ones, chord labels along the top and the key in the corner.
// Sets data-peaks-drawn (pixel columns) and data-beats-drawn on the canvas.

export async function drawWave(canvas, url, analysis) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`audio ${response.status}`);
  const context = new OfflineAudioContext(1, 1, 44100);
  const audio = await context.decodeAudioData(await response.arrayBuffer());
  const ratio = window.devicePixelRatio || 1;
  const width = canvas.clientWidth || 600;
  const height = canvas.clientHeight || 90;
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round(height * ratio);
  const g = canvas.getContext("2d");
  g.scale(ratio, ratio);
  const samples = audio.getChannelData(0);
  const per = Math.max(1, Math.floor(samples.length / width));
  const mid = height / 2;
  g.fillStyle = "#5aa7e0";
  let columns = 0;
  for (let x = 0; x < width && x * per < samples.length; x += 1) {
    let lo = 1, hi = -1;
    for (let i = x * per; i < Math.min(samples.length, (x + 1) * per); i += 1) {
      lo = Math.min(lo, samples[i]);
      hi = Math.max(hi, samples[i]);
    }
    g.fillRect(x, mid - hi * mid, 1, Math.max(1, (hi - lo) * mid));
    columns += 1;
  }
  let beats = 0;
  if (analysis) {
    const seconds = audio.duration || analysis.duration_s || 1;
    const xs = (t) => (t / seconds) * width;
    const downbeats = new Set((analysis.downbeats_s || []).map((t) => t.toFixed(3)));
    for (const t of analysis.beats_s || []) {
      const strong = downbeats.has(t.toFixed(3));
      g.fillStyle = strong ? "rgba(242, 165, 65, 0.9)" : "rgba(232, 232, 234, 0.35)";
      g.fillRect(Math.round(xs(t)), 0, strong ? 2 : 1, height);
      beats += 1;
    }
    g.font = "11px system-ui, sans-serif";
    for (const chord of analysis.chords || []) {
      g.fillStyle = "#e8e8ea";
      g.fillText(chord.label, xs(chord.start_s) + 2, 11);
    }
    if (analysis.key) {
      g.fillStyle = "#f2a541";
      g.fillText(`${analysis.key}${analysis.tempo_bpm ? ` · ${analysis.tempo_bpm} BPM` : ""}`, 4, height - 4);
    }
  }
  canvas.dataset.peaksDrawn = String(columns);
  canvas.dataset.beatsDrawn = String(beats);
  canvas.setAttribute("aria-label", `waveform of ${audio.duration.toFixed(1)} s` +
    (analysis ? `, ${beats} beats, key ${analysis.key}, ${(analysis.chords || []).length} chords` : ""));
}
