"""Genre, groove and progression presets: YAML files under ``presets/``, checked on load.

The folder is found beside the ``engines`` package (``MUSEAROO_PRESETS`` overrides it). Each
file is read once per process; a bad file raises InvalidValue naming the file, the field and
what is valid.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from engines.errors import InvalidValue
from engines.genre_names import genre_name
from engines.preset_files import names, presets_dir

DRUM_NOTES = {
    "kick": 36, "rim": 37, "snare": 38, "clap": 39, "floor": 41, "hat": 42, "tom_low": 45,
    "pedal": 44, "open": 46, "tom_mid": 47, "crash": 49, "tom_high": 50, "ride": 51,
    "bell": 53, "tamb": 54, "cowbell": 56, "shaker": 70, "china": 52,
}  # fmt: skip
BASS_STYLES = (
    "eighths", "kick", "808", "walking", "root_fifth", "octaves", "reggae", "boogie", "sustained", "chug",
)  # fmt: skip
GENRE_FILLS = ("auto", "none", "phrase", "4")  # auto: phrase ends at random, more with complexity
VOICINGS = ("triad", "seventh", "ninth", "power")  # power: root, fifth and octave (metal)
MELODY_SCALES = ("key", "pentatonic", "blues")
STEP_CHARS = set("Xx-gG.")


@dataclass(frozen=True, slots=True)
class ModelChoice:
    default: str
    published: tuple[str, ...]
    hub_prefix: str = ""


OPTIONAL_FAMILIES = ("infill",)  # a models.yaml without them is still valid (its engine then has none)


def _models_yaml() -> tuple[Path, Any]:
    """presets/models.yaml's path and parsed content; InvalidValue naming the file when unreadable."""
    path = presets_dir() / "models.yaml"
    try:
        return path, yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise InvalidValue(f"model presets {path} cannot be read: {exc}") from exc


@cache
def load_models() -> dict[str, ModelChoice]:
    """presets/models.yaml: per model family (musicgen, separation, infill) its default and published names."""
    path, data = _models_yaml()
    out: dict[str, ModelChoice] = {}
    for family in ("musicgen", "separation", "infill"):
        entry = data.get(family) if isinstance(data, dict) else None
        if family in OPTIONAL_FAMILIES and entry is None:
            continue
        if not isinstance(entry, dict) or not isinstance(entry.get("published"), list):
            raise InvalidValue(f"{path}: {family!r} needs a 'published' list of model names")
        published = tuple(str(name) for name in entry["published"])
        default = str(entry.get("default", ""))
        if default not in published:
            raise InvalidValue(f"{path}: {family} default {default!r} is not one of {published}")
        out[family] = ModelChoice(default, published, str(entry.get("hub_prefix", "")))
    return out


LICENSED_FAMILIES = ("analysis", "musicgen", "separation", "infill", "speech", "transcription")


@cache
def load_licences() -> dict[str, str]:
    """presets/models.yaml's ``licences``: per model family, what its weights allow (all six named)."""
    path, data = _models_yaml()
    licences = data.get("licences") if isinstance(data, dict) else None
    if not isinstance(licences, dict):
        raise InvalidValue(f"{path}: needs a 'licences' mapping of {', '.join(LICENSED_FAMILIES)}")
    missing = [family for family in LICENSED_FAMILIES if not str(licences.get(family) or "").strip()]
    if missing:
        raise InvalidValue(f"{path}: 'licences' names no licence for {', '.join(missing)}")
    return {family: str(licences[family]) for family in LICENSED_FAMILIES}


@dataclass(frozen=True, slots=True)
class FormSection:
    name: str
    bars: int
    energy: float
    parts: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Genre:
    name: str
    tempo_bpm: float
    swing: float  # 0 straight .. 1 triplet swing of off-beat eighths
    swing16: float  # the same for off-beat sixteenths
    humanize: float  # 0 machine-tight .. 1 loose
    chords_per_bar: float
    progression: str
    groove: str
    chromatic: dict[str, tuple[int, ...]]  # intentional out-of-scale degrees per mode family
    harmony: dict[str, float]  # sevenths, ninths, secondary, borrowed: 0..1 before complexity
    bass: dict[str, Any]
    chords: dict[str, Any]
    melody: dict[str, Any]
    ghosts: float
    form: tuple[FormSection, ...]
    laid_back: float = 0.0  # 0..1: snare, chords and melody behind the beat (scaled by humanize)
    rolls: float = 0.0  # 0..1: how often the hats roll in triplets or 32nds (trap)
    fills: str = "auto"  # one of GENRE_FILLS


@dataclass(frozen=True, slots=True)
class Groove:
    name: str
    meters: dict[str, tuple[int, tuple[dict[str, str], ...]]]  # "4/4" -> (steps_per_beat, variants)


@dataclass(frozen=True, slots=True)
class Progressions:
    name: str
    modes: dict[str, dict[str, Any]]  # "major"/"minor" -> templates, transitions, borrowed


def _read(kind: str, name: str) -> tuple[str, dict[str, Any]]:
    path = presets_dir() / kind / f"{name}.yaml"
    if not path.is_file():
        raise InvalidValue(f"{kind[:-1]} {name!r} is not known: expected one of {', '.join(names(kind))}")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise InvalidValue(f"{path}: not valid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise InvalidValue(f"{path}: expected a mapping at the top, got {type(data).__name__}")
    return str(path), data


def _get(
    where: str, data: dict[str, Any], field: str, kind: type | tuple[type, ...], default: Any = None
) -> Any:
    value = data.get(field, default)
    if value is None or not isinstance(value, kind):
        raise InvalidValue(f"{where}: field {field!r} is {value!r}: expected {kind}")
    return value


def _unit(where: str, data: dict[str, Any], field: str, default: float = 0.0) -> float:
    value = float(_get(where, data, field, (int, float), default))
    if not 0.0 <= value <= 1.0:
        raise InvalidValue(f"{where}: field {field!r} is {value}: expected 0..1")
    return value


def _range(where: str, spec: dict[str, Any]) -> None:
    low, high = _get(where, spec, "range", list)
    if not 0 <= low < high <= 127 or high - low < 12:
        raise InvalidValue(f"{where}: range {[low, high]} must lie in 0..127 and span an octave or more")


@cache
def load_genre(name: str) -> Genre:
    """The genre preset ``presets/genres/<name>.yaml``, with its groove and progressions checked.

    ``name`` may be any spelling ``genre_name`` knows; the Genre carries the preset's own name.
    """
    if not (presets_dir() / "genres" / f"{name}.yaml").is_file():
        name = genre_name(name)
    where, d = _read("genres", name)
    load_groove(_get(where, d, "groove", str))
    load_progressions(_get(where, d, "progression", str))
    bass = _get(where, d, "bass", dict)
    if bass.get("style") not in BASS_STYLES:
        raise InvalidValue(
            f"{where}: bass style {bass.get('style')!r}: expected one of {', '.join(BASS_STYLES)}"
        )
    chords = _get(where, d, "chords", dict)
    if chords.get("voicing") not in VOICINGS:
        raise InvalidValue(f"{where}: chords voicing {chords.get('voicing')!r}: expected one of {VOICINGS}")
    for pattern in _get(where, chords, "rhythm", list):
        if not set(pattern) <= set("x-.0123") or not pattern:
            raise InvalidValue(f"{where}: chord rhythm {pattern!r}: use x (hit) - (hold) . (rest) 0-3 (arp)")
    melody = _get(where, d, "melody", dict)
    if melody.get("scale") not in MELODY_SCALES:
        raise InvalidValue(f"{where}: melody scale {melody.get('scale')!r}: expected one of {MELODY_SCALES}")
    for part_name, spec in (("bass", bass), ("chords", chords), ("melody", melody)):
        _range(f"{where} {part_name}", spec)
    cpb = float(_get(where, d, "chords_per_bar", (int, float)))
    if cpb not in (0.25, 0.5, 1.0, 2.0):
        raise InvalidValue(f"{where}: chords_per_bar {cpb}: expected 0.25, 0.5, 1 or 2")
    form = tuple(
        FormSection(str(s["name"]), int(s["bars"]), float(s["energy"]), tuple(s.get("parts", ())))
        for s in _get(where, d, "form", list)
    )
    for s in form:
        if (
            s.name not in ("intro", "verse", "chorus", "bridge", "outro")
            or s.bars < 1
            or not 0 <= s.energy <= 1
        ):
            raise InvalidValue(
                f"{where}: form section {s}: expected intro/verse/chorus/bridge/outro, bars >= 1"
            )
    chromatic = _get(where, d, "chromatic", dict, {"major": [], "minor": []})
    fills = str(d.get("fills", "auto"))
    if fills not in GENRE_FILLS:
        raise InvalidValue(f"{where}: fills {fills!r}: expected one of {', '.join(GENRE_FILLS)}")
    return Genre(
        name=name,
        tempo_bpm=float(_get(where, d, "tempo_bpm", (int, float))),
        swing=_unit(where, d, "swing"),
        swing16=_unit(where, d, "swing16"),
        humanize=_unit(where, d, "humanize"),
        chords_per_bar=cpb,
        progression=d["progression"],
        groove=d["groove"],
        chromatic={m: tuple(int(x) for x in chromatic.get(m, ())) for m in ("major", "minor")},
        harmony={
            k: _unit(where, _get(where, d, "harmony", dict), k)
            for k in ("sevenths", "ninths", "secondary", "borrowed")
        },
        bass=bass,
        chords=chords,
        melody=melody,
        ghosts=_unit(where, d, "ghosts"),
        form=form,
        laid_back=_unit(where, d, "laid_back"),
        rolls=_unit(where, d, "rolls"),
        fills=fills,
    )


@cache
def load_groove(name: str) -> Groove:
    """The drum groove ``presets/grooves/<name>.yaml``: per meter, steps per beat and pattern variants."""
    where, d = _read("grooves", name)
    meters: dict[str, tuple[int, tuple[dict[str, str], ...]]] = {}
    for meter, spec in _get(where, d, "meters", dict).items():
        steps = int(_get(f"{where} {meter}", spec, "steps_per_beat", int))
        num, den = (int(x) for x in str(meter).split("/"))
        length = round(steps * num * 4 / den)
        variants = tuple(_get(f"{where} {meter}", spec, "variants", list))
        for variant in variants:
            for inst, pattern in variant.items():
                if inst not in DRUM_NOTES:
                    raise InvalidValue(
                        f"{where} {meter}: drum {inst!r}: expected one of {', '.join(DRUM_NOTES)}"
                    )
                if len(pattern) != length or not set(pattern) <= STEP_CHARS:
                    raise InvalidValue(
                        f"{where} {meter} {inst}: pattern {pattern!r} must be {length} steps of X x - g G ."
                    )
        meters[str(meter)] = (steps, variants)
    return Groove(name, meters)


@cache
def load_progressions(name: str) -> Progressions:
    """Chord templates and transitions ``presets/progressions/<name>.yaml``; numerals are checked."""
    from engines.generators.theory import parse_numeral

    where, d = _read("progressions", name)
    modes: dict[str, dict[str, Any]] = {}
    for mode in ("major", "minor"):
        spec = _get(where, d, mode, dict)
        templates = _get(f"{where} {mode}", spec, "templates", list)
        transitions = spec.get("transitions", {})
        numerals = [c for t in templates for c in t["chords"]]
        numerals += [c for src, dst in transitions.items() for c in (src, *dst)]
        numerals += [c for pair in spec.get("borrowed", {}).items() for c in pair]
        for numeral in numerals:
            try:
                parse_numeral(str(numeral))
            except InvalidValue as exc:
                raise InvalidValue(f"{where} {mode}: {exc}") from exc
        modes[mode] = spec
    return Progressions(name, modes)
