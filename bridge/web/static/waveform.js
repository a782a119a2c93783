// An audio clip's waveform on a canvas, with its analysis drawn over it when it has one: beats as
// thin lines, downbeats as strong ones, chord labels along the top and the key in the corner.
// ``region`` ({start_s, end_s}, seconds of the file) is the part analysed: the analysis' times count
// from its start, so only it is drawn. With no ``url`` (an analysis without stored audio) only the
// beats and chords are drawn. Sets data-peaks-drawn (pixel columns), data-beats-drawn,
// data-downbeats-drawn and data-window-s (seconds shown) on the canvas.

async function decode(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`audio ${response.status}`);
  const context = new OfflineAudioContext(1, 1, 44100);
  return context.decodeAudioData(await response.arrayBuffer());
}

export async function drawWave(canvas, url, analysis, region = {}) {
  const audio = url ? await decode(url) : null;
  const ratio = window.devicePixelRatio || 1;
  const width = canvas.clientWidth || 600;
  const height = canvas.clientHeight || 90;
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round(height * ratio);
  const g = canvas.getContext("2d");
  g.scale(ratio, ratio);
  const start = region.start_s ?? 0;
  const fileEnd = audio ? audio.duration : start + (analysis?.duration_s ?? 1);
  const end = Math.min(fileEnd, region.end_s ?? (analysis?.duration_s != null ? start + analysis.duration_s : fileEnd));
  const seconds = Math.max(end - start, 1e-3);
  let columns = 0;
  if (audio) {
    const samples = audio.getChannelData(0);
    const first = Math.floor(start * audio.sampleRate);
    const count = Math.min(samples.length - first, Math.ceil(seconds * audio.sampleRate));
    const per = Math.max(1, Math.floor(count / width));
    const mid = height / 2;
    g.fillStyle = "#5aa7e0";
    for (let x = 0; x < width && x * per < count; x += 1) {
      let lo = 1, hi = -1;
      for (let i = first + x * per; i < first + Math.min(count, (x + 1) * per); i += 1) {
        lo = Math.min(lo, samples[i]);
        hi = Math.max(hi, samples[i]);
      }
      g.fillRect(x, mid - hi * mid, 1, Math.max(1, (hi - lo) * mid));
      columns += 1;
    }
  }
  let beats = 0, downbeats = 0;
  if (analysis) {
    const xs = (t) => (t / seconds) * width;
    const strong = new Set((analysis.downbeats_s || []).map((t) => t.toFixed(3)));
    for (const t of analysis.beats_s || []) {
      const down = strong.has(t.toFixed(3));
      g.fillStyle = down ? "rgba(242, 165, 65, 0.9)" : "rgba(232, 232, 234, 0.35)";
      g.fillRect(Math.round(xs(t)), 0, down ? 2 : 1, height);
      beats += 1;
      downbeats += down ? 1 : 0;
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
  canvas.dataset.downbeatsDrawn = String(downbeats);
  canvas.dataset.windowS = seconds.toFixed(3);
  canvas.setAttribute("aria-label", `waveform of ${seconds.toFixed(1)} s` +
    (analysis ? `, ${beats} beats, key ${analysis.key}, ${(analysis.chords || []).length} chords` : ""));
  return seconds;
}
