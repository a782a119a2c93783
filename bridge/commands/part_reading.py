"""The cascade's last reading: a sentence that named no session move, automation or clip change.

What is left is read from its part words (``parser._parse`` calls it last): a tempo factor, warp,
analysis, stems, how many versions, a transform, an adjustment, a key or scale, MusicGen, an
accompaniment, and at last a new part with its genre, key, tempo, meter, source and place."""

from __future__ import annotations

import re
from typing import Any

from bridge.commands import clip_words as cw
from bridge.commands import counts as cn
from bridge.commands import edit_words as ew
from bridge.commands import follow_words as fw
from bridge.commands import made_how
from bridge.commands import meter_words as mt
from bridge.commands import place_words as pw
from bridge.commands import region_words as rg
from bridge.commands import spotting as sp
from bridge.commands import tempo_moves as tm
from bridge.commands import vocab as v
from bridge.commands.amount_words import humanize_amount
from bridge.commands.audio_words import A_STEM_NAMED, ASKED_OF_CLIP, LINED_UP
from bridge.commands.intent import Intent
from bridge.commands.questions import unknown_words
from bridge.commands.role_words import voice_kept
from bridge.commands.said import said
from bridge.commands.track_words import NUMBERED_TRACK, not_a_part
from bridge.commands.unmade_parts import change_asked, unmade
from bridge.commands.whole_words import ASK_REMOVED, whole_removed, whole_said

_THE_SONG = re.compile(
    r" (?:the|my|this|our) (?:\w+ )?(?:song|track|tune) "
)  # "the song at 140, dubstep": there

# the whole song played, Live's transport: "play the cue from the top", "play the whole song again"
_PLAYED = re.compile(
    r"^ (?:(?:please|ok|okay|now|can you|could you) )*(?:play|replay|run) (?:the |my |this |our )?(?:whole |full |"
    r"entire )?(?:song|cue|tune|piece|arrangement|whole thing)(?: (?:from|again|back|now|through|once)\b.*)? $"
)
# a whole new song said: "whole track from scratch", "an entire new tune from scratch" ("beat" or "tune" beside it
# names no part of it)
_WHOLE_NEW = re.compile(
    r" (?:whole|entire|full|complete) (?:new )?(?:song|track|tune|thing|piece) (?:again )?from scratch "
    r"| (?:whole|entire|full|complete) new (?:song|track|tune) "
)


# what a vary names that is no part MuseAroo makes ("vary the piano", "a variation of the rhodes"): asked which part;
# of Live's track said by its number ("vary the clip on track 2"), which part its clip is (a vary remakes a part)
VARY_WHICH = (
    "(e.g. 'vary the chords' or 'vary the melody') MuseAroo makes no {} part (its parts are drums, bass, chords "
    "and melody): which part should vary?"
)
VARY_TRACK = (
    "(e.g. 'vary the chords' or 'vary the melody') which part is the clip on {}? (a variation is made again from "
    "the settings of a part MuseAroo made)"
)


def vary_which(named: str) -> str:
    """The question for a vary of what MuseAroo makes no part of: an instrument ("the piano") or Live's numbered
    track ("track 2")."""
    numbered = NUMBERED_TRACK.match(f" {named} ")
    return (VARY_TRACK if numbered and numbered.end() == len(named) + 1 else VARY_WHICH).format(named)


def part_reading(heard: str, s: str, key: str | None, model: str | None) -> Intent:
    """The intent the part words give; a refusal that names what was missing when none does."""
    fills = pw.fills_of(s)  # "a fill every fourth bar": the drums' fills option
    if fills is not None and "error" in fills:
        return sp.refused(heard, fills["error"])
    if fills is not None:
        s = pw.EVERY.sub(" ", s)
    # a tempo factor, not "half of the hats"
    factor_word = next((p for p in cw.TEMPO_FACTORS if said(s, p) and f" {p} of " not in s), "")
    factor = cw.TEMPO_FACTORS.get(factor_word)
    if factor is not None:  # "double the tempo": Live's tempo (a clip's "double time" is a transform)
        return Intent("set_tempo", None, {"tempo_factor": factor}, heard)
    if said(s, *v.WARP_PHRASES) or LINED_UP.search(s):  # before tempo: "warp it to the tempo": no tempo
        return Intent("analyze", None, {"warp": True}, heard)
    if said(s, *(*v.TEMPO_WORDS, "key")) and said(s, *v.FROM_CLIP_PHRASES) and not sp.numbers(s):
        return Intent("analyze", None, {"apply": True}, heard)  # "set the tempo from this clip"
    bar_counts = [int(n) for n in sp.BARS.findall(s)]
    s_no_bars = mt.without_meter(sp.BARS.sub(" ", s))  # "in 6/8 at 90 bpm": the 6 is no tempo
    genres, rest = sp.take(s_no_bars, v.GENRES)
    track_name = cw.source_track_of(rest)  # "the chords in the keys clip": the track named keys
    if track_name:
        rest = rest[: track_name.start()] + " _ " + rest[track_name.end() :]
    sources, rest = sp.take(rest, cw.SOURCE_PHRASES)
    followed = None if sources or track_name else fw.follow_of(rest)  # "that follows the clip ive selected"
    if followed is not None and not followed[0]:  # "a bass that follows that track", no track named before
        return sp.refused(heard, "which track should the new part follow?")
    if followed is not None:
        rest = rest.replace(followed[1], " _ ", 1)
    here = said(rest, *cw.HERE_PHRASES)
    parts, rest = sp.take(rest, v.PARTS)
    part = parts[0] if parts else None
    if _WHOLE_NEW.search(s):  # "new beat!! whole song from scratch, trap, 140 bpm, c minor": a song, no beat
        part = "song"
    if (part == "song" and "all" in parts) or set(v.EVERY_PART) <= set(parts):  # "an arrangement with all the
        part = "all"  # parts", "drums, bass, chords and melody, 8 bars": every part is the said one
    if whole_said(s):  # "build the whole beat from scratch, every part": the whole piece is every part
        part = "all"
    tempo_said = said(s, *(v.TEMPO_WORDS + cw.TEMPO_MOVES))
    tempo_bpm: int | None = None
    if tempo_said and sp.numbers(s_no_bars):
        made = sp.generating_said(s) and not tm.compared(s)  # "make the whole song slower? like 80 bpm"
        # "whole song from scratch, house, 124": a new one; "song tempo to 124, house vibe": the tempo moved
        made = (
            made
            or said(s, "from scratch")
            or (bool(genres) and not (said(s, "to", "set", "change", "speed", "slow") or _THE_SONG.search(s)))
        )
        if part is None or (part == "song" and not made):  # "song tempo to 85"
            return sp.tempo_intent(heard, s_no_bars)
        tempo = sp.tempo_intent(heard, s_no_bars)  # "a whole song in C major at 90 bpm": song, key and tempo
        if not tempo.understood:
            return tempo
        tempo_bpm = tempo.params["tempo_bpm"]
        rest = re.sub(rf" (?:at )?{tempo_bpm} (?:bpm|beats per minute)?", " ", rest)
    elif said(s, *v.ANALYZE_PHRASES) or ASKED_OF_CLIP.search(s):
        return Intent("analyze", None, {}, heard)
    elif tempo_said:
        return sp.tempo_intent(heard, s_no_bars)
    pulled = cw.PULL_OUT.search(s)
    stem_named = A_STEM_NAMED.search(s)  # "i only need the vocal stem out of this"
    kept = voice_kept(s)  # "the vocals without the music behind them": the vocals split out
    if said(s, *v.SEPARATE_PHRASES) or model or (pulled and pulled.group(1) in v.STEMS) or stem_named or kept:
        return sp.separate_intent(heard, s, model)

    params: dict[str, Any] = {}
    many = cn.more_takes(s_no_bars) or sp.VARIATIONS.search(s_no_bars)  # "bass another version, two more"
    many = many or cn.GOES.search(s_no_bars)  # "four variations", "3 more goes at"
    fresh = many is not None and cn.fresh_takes(s_no_bars, many)  # "3 versions of a drum groove": new
    fresh = fresh or (many is not None and _length_said(s))  # "drums for the verse, 8 bars, 3 options": new
    if many:
        count = int(many.group(1))
        if not 1 <= count <= sp.MAX_VARIATIONS:
            return sp.refused(heard, f"{count} variations is outside 1..{sp.MAX_VARIATIONS}")
        rest = rest.replace(many.group(0), " " if genres or key or fresh else " variation ", 1)
        params["variations"] = count
    elif (times := cn.varied_times(s_no_bars)) is not None and 1 <= times <= sp.MAX_VARIATIONS:
        params["variations"] = times  # "vary the bass 3 times": 3 takes
    # "three different drum grooves": new, not varied
    new_ones = None if many else sp.NEW_MANY.search(s_no_bars)
    if new_ones and not part:  # "three different techno beats": the part its plural names
        part = sp.MANY_OF.get(new_ones.group(0).split()[-1])
        if part is None:  # "three different patterns": new takes, of which part is not said
            return sp.refused(heard, "which part should the new takes be of (drums, bass, chords, melody)?")
    if new_ones and part:
        params["variations"] = min(int(new_ones.group(1)), sp.MAX_VARIATIONS)
        rest = rest.replace(" different ", " ")
    if bar_counts:
        bars = bar_counts[0]
        if not sp.BARS_RANGE[0] <= bars <= sp.BARS_RANGE[1]:
            return sp.refused(heard, f"{bars} bars is outside {sp.BARS_RANGE[0]}..{sp.BARS_RANGE[1]}")
        params["bars"] = bars
    if said(s, *v.REPLACE_WORDS):
        params["replace"] = True
    generating = said(s, *v.GENERATE_VERBS)
    if fills is not None:
        if not (genres or key or tempo_bpm):  # on the drums there are: the same groove, with fills
            return Intent("adjust", "drums", {**params, **fills}, heard)
        params.update(fills)
        part = part or "drums"

    transform = cw.transform_of(rest, s_no_bars) if tempo_bpm is None else None
    if transform is not None:
        kind, options = transform
        if kind.startswith("drums_") or "voices" in options:
            part = "drums"
        if kind == "humanize" and (strength := humanize_amount(s)) is not None:  # "humanize it a bit"
            options = {"amount": strength, **options}
        return Intent("transform", part, {"kind": kind, **options, **params}, heard)
    adjust, way = sp.adjustment(rest), made_how.dial(heard)
    if way is not None and part:  # "make a melody, keep it sparse": how the new part is made
        params[sp.DIALS[way[0]]] = sp.DIAL_VALUES[way[0]][way[1]]
    elif adjust is not None and part and (genres or key or tempo_bpm):  # "a hip hop beat but sparser"
        params[sp.DIALS[adjust[0]]] = sp.DIAL_VALUES[adjust[0]][adjust[1]]
    elif adjust is not None:
        part = part or ("drums" if cw.names_drum_voice(rest) else None)  # "make the hats busier"
        if part is None and (named := unmade(s)) is not None:  # "make the piano busier": which part?
            return sp.refused(heard, change_asked(heard, s, named))
        return Intent("adjust", part, {**params, "what": adjust[0], "direction": adjust[1]}, heard)
    if (
        said(rest, *v.VARY_PHRASES)
        or said(rest, "another")
        or ("variations" in params and not new_ones and not (genres or key or fresh))
        or (said(rest, "variations on", "variations of") and not (genres or key or fresh))
    ):  # "some variations on the hook": the part's new takes
        if part is None and (named := not_a_part(s)) is not None:  # "vary the piano": which part is it?
            return sp.refused(heard, vary_which(named))
        return Intent("vary", part, params, heard)
    song_key = part == "song" and said(s, *v.KEY_SET_WORDS)  # "transpose the song to D minor"
    if key and (part is None or song_key) and not (generating or genres or params or tempo_bpm):
        return Intent("set_key", None, {"key": key}, heard)
    mode = cw.mode_of(s)
    outside = [g for g in genres if g not in (mode or "")]  # "minor blues" is a scale, not the genre
    if part is None and key is None and not (generating or outside or tempo_bpm) and cw.sets_scale(s):
        return Intent("set_key", None, {"mode": mode}, heard)  # "set the scale to dorian"
    if (
        not part and followed is not None and "source_track_name" in followed[0]
    ):  # "something that fits the rhodes"
        return sp.refused(heard, "which part should follow that track (bass, chords, melody, drums)?")
    if not part and (said(s, *v.MUSICGEN_TRIGGERS) or said(rest, *v.MUSICGEN_SOUNDS)):
        return sp.musicgen_intent(heard, s_no_bars, params, key)
    if not part and generating and ew.accompanies(s) and not (genres or key or params):
        return sp.refused(heard, _which_new(track_name))  # "write something to go with the strings track"
    if (
        part
        and (ew.accompanies(s) or ew.for_the_clip(s))
        and not (sources or track_name or followed or genres or key)
    ):  # "a bass that fits"; "something that plays along with the chords": which part is new?
        if ew.accompanied_part(s, v.PARTS):
            return sp.refused(
                heard, f"which part should play along with the {part} (bass, chords, melody, drums)?"
            )
        return Intent("accompany", part, params, heard)
    if part == "all" and whole_removed(s):  # "delete everything": never made, nor taken out on one word
        return sp.refused(heard, ASK_REMOVED)
    if part:
        if genres:
            params["genre"] = genres[0]
        if key:
            params["key"] = key
        elif (mode := cw.mode_of(rest)) is not None:  # "a dorian chord progression": Live's root
            params["mode"] = mode
        at = sp.AT_TEMPO.search(s_no_bars) if tempo_bpm is None else None  # "a whole song, house, at 124"
        if at and sp.SPOKEN_TEMPO[0] <= int(at.group(1)) <= sp.SPOKEN_TEMPO[1]:
            tempo_bpm = int(at.group(1))
        if tempo_bpm is not None:
            params["tempo_bpm"] = tempo_bpm
        if (meter := mt.meter_of(s)) is not None:  # "8 bars of chords in 6/8": Live's meter first
            params["meter"] = meter
        if sources and not track_name:
            params["source"] = sources[0]
        if track_name:
            params["source_track_name"] = track_name.group(1)
        if here:
            params["here"] = True
        if followed is not None:
            params.update(followed[0])
        placed = sp.ARRANGED_AT.search(s)  # "8 bars of drums in the arrangement starting at bar 17"
        if placed and said(s, "arrangement"):
            params.update(arrangement=1, at_bar=int(placed.group(1)))
        elif (region := rg.region_of(s)) is not None:  # "drums for the chorus": there in the Arrangement
            params["region"] = region
        vague = [w for w in unknown_words(s) if len(w) >= 4] or [
            w for w in s.split() if w in sp.SAID_OF_A_PART
        ]
        if vague and not params and not generating and part in v.PARTS.values():
            # never "the all"; nor "the song" ("make the song simpler" is asked again: no dial of its own)
            the = "everything" if part in ("all", "song") else f"the {part}"
            examples = f"e.g. 'make {the} busier', 'make {the} simpler' or 'vary {the}'"
            return sp.refused(heard, f"({examples}) what should change in {the}?")
        if part == "song" and not (generating or params) and _PLAYED.search(s):  # "play the cue from the top"
            return Intent("play", None, {}, heard)
        return Intent("generate", part, params, heard)
    played = re.search(r" play (\w+) ", s)  # "play spotify": not Live's transport
    elsewhere = (
        played is not None and played.group(1) in unknown_words(s) and played.group(1) not in sp.PLAY_ON
    )
    if said(s, *v.PLAY_PHRASES) and not (generating or genres or key or params or elsewhere):
        return Intent("play", None, {}, heard)
    if (generating or genres or key) and (genres or key or not unknown_words(s)):
        return sp.refused(heard, "which part should be generated (drums, bass, chords, melody)?")
    if generating:  # "write lyrics about summer": words no command uses, so no question either
        return sp.refused(heard, "that is not something MuseAroo does (it makes and changes music in Live)")
    return sp.refused(heard, "no command was recognised")


def _which_new(track_name: re.Match[str] | None) -> str:
    """The question for something new wanted with a track or the clip in hand, no part said."""
    if track_name is None:
        return "(e.g. 'accompany this with a bass line' or 'accompany this with chords') which part should be new?"
    name = track_name.group(1)
    return (
        f"(e.g. 'a bass line that follows the {name} track' or 'chords that follow the {name} track') "
        "which part should be new?"
    )


def _length_said(s: str) -> bool:
    """Whether a new part's length is said ("drums for the verse, 8 bars, give me 3 options": new takes of a
    new part), not a span of the part there ("3 variations of the last 4 bars")."""
    return any(
        re.search(r" (?:last|first|final|opening|the|those|these|next) ?$", s[: m.start() + 1]) is None
        for m in sp.BARS.finditer(s)
    )
