"""A sentence that is not something MuseAroo does, refused with its reason (issue 44): printing, sheet music,
lyrics, tuning an instrument in the room, Live's own devices and file commands ("add reverb", "export the
song", "high pass the drums"; a filter that moves is automation, read elsewhere), files and sites said in
the first clause, a single-keyword command under a "don't" or said as a noun ("the undo button is broken"),
and a question for the producer's own ear ("what chord should come after F"). Help asked, or a warp, keeps a
device's or an opinion's sentence for the parser. ``refusal_of`` is the one face; ``questions`` asks it after
its own questions and before a vague wish is asked about. Stdlib only.
"""

from __future__ import annotations

import re

from bridge.commands import vocab as v
from bridge.commands.audio_words import warped_in_time
from bridge.commands.known import clauses
from bridge.commands.transcribe_words import TO_MIDI

# Live's recording ("start recording"); round 36: a recording heard as notes is audio to transcribe ("transcribe my
# guitar recording"), not Live's record button
_RECORDING = re.compile(r"(?<! audio) recording ")
_NOT_OURS = re.compile(
    r"^ (?:who|whose|when|where|why) |^ (?:(?:can|could|would) you |please )?(?:email|send|share|upload|post|"
    r"text|call(?! (?:this|that|it|the) )|book|order|buy|tweet|publish|print|engrave|translate|tell me a|remind|schedule|google|search) "
    r"|(?<! off this)(?<! off that)(?<! off my)(?<! off the) record (?!the last \d+ )|^ (?:loop|go to|jump to|skip to) (?:bars?|the bar) "  # Live's recording and loop brace
    r"|^ (?:(?:can|could) you |please )?(?:(?:export|render|bounce|mixdown|master) (?:this|it|that)"
    r"|save (?:this|it) as an? (?:wav|mp3|file|project)|(?:export|save|render|bounce|mixdown|master) (?:the (?:song|"
    r"track|project|mix|session|stems)|my (?:song|track|project|mix)))(?= )(?! take| as a fav)"  # Live's file commands
    r"| (?:add|put|throw|more|some|less|a bit of) (?:some |a bit of |a little |more |less |an? )?(?:reverb|distortion|"
    r"compression|compressor|eq|equalizer|limiter|saturation|saturator|flanger|phaser|echo|delay on|delay to|"
    r"delay) |^ (?:eq|compress|master|mix) (?:the|my|this|it) "  # audio effects: Live's devices
    r"|^ (?:(?:can|could) you )?sing | (?:song|songs|track|album|tune) by (?!bar |itself |themselves )\w+ "  # someone else's record
    r"| (?:make|let|have|set) (?:it|this|that) (?:to )?loop "  # Live's loop switch
    r"| lyrics? | poems? | (?:tune|restring|repair) (?:my|our|your|the) (?:\w+ )?(?:guitar|piano|violin|cello|"
    r"ukulele|instrument|strings|keyboard|vocals?|voice) "  # words to sing; an instrument or a voice in the room
)
# A filter that stays or a pan on a part is a device in Live, not notes ("high pass the drums", "put a low cut on
# the pad"); a filter that moves ("a low pass sweep over 4 bars", "open the filter up") is automation, read elsewhere
_FILTER = r"(?:high pass|low pass|highpass|lowpass|hpf|lpf|high cut|low cut|band pass)"
_STATIC_FX = re.compile(
    rf"^ (?:(?:can|could) you |please )?(?:{_FILTER}|pan) (?:the|my|this|that|it|them) "
    rf"| (?:add|put|throw|stick|slap|use) (?:a |an |some )?{_FILTER}(?: filter)? (?:on|to|over) "
)
_MOVING = re.compile(
    r" (?:sweep|sweeps|sweeping|rise|rises|rising|open|opens|opening|close|closes|closing|ramp|automate|"
    r"automation|over \d+|across|slowly|gradually) "
)
# The single-keyword commands (undo, stop, help, cancel, play, warp) said of something, not as a verb
_KEYWORDS = "undo|redo|stop|help|cancel|warp|play|musicgen|separation"
_NEGATED = re.compile(rf"^ (?:(?:please|just|ok|no|hey) )?(?:dont|do not) (?:\w+ )?(?:{_KEYWORDS}) ")
_REMARK = re.compile(
    rf"^ (?:(?:the|that|this|my|your|a|an|i love how the|i like how the|i hate how the) )?(?:\w+ )?"
    rf"(?:{_KEYWORDS})(?: \w+)? (?:is|are|was|were|sounds|sound|feels|looks|seems|button|culture) "
)
# files and sites, said in the first clause ("render the cue to an mp3", "download this beat from
# youtube"): Live's export or the browser's, even with a part named; a later clause is left out alone
_ELSEWHERE = re.compile(  # ("an audio loop of waves for my tiktok": what it is for, no site used)
    r"(?<! for my)(?<! for our)(?<! for the)(?<! for a) (?:export|exporting|download|downloading|upload|uploading|email|e mail|mp3|mp3s|wav|wavs|youtube|soundcloud|"
    r"dropbox|spotify|bandcamp|instagram|tiktok|google drive|cd|usb) "
)
# never MuseAroo's, asked as help or not: printing, sheet music, lyrics, tuning an instrument (by its
# strings too: "tune my fiddle for me, the E string keeps slipping": one in the room)
_NEVER = re.compile(
    r" (?:print|printing|printout|printer|sheet music|score sheet|lyrics|lyric|pdf) "
    r"| (?:tune|tuning|restring) (?:my |the |a )?(?:guitar|bass guitar|ukulele|violin|piano|drum kit|drums|cello) "
    r"| (?:tune|tuning|restring) (?:my|our|the) (?:\w+ ){1,2}(?:.* )?(?:the )?(?:[a-g]|top|bottom|low|high) strings? "
)
# "what chord should come after F here", "which sound works better": a question for the producer's
# own ear, no command; MuseAroo answers only what it can read from a clip ("what key is this clip in")
_WH_OPINION = re.compile(
    r"^ (?:so |ok |hey )?(?:what|which|whats|how) (?:\w+ ){0,3}(?:should|would|could|goes|go|comes|come|fits|fit|"
    r"works|work|do you think|do you reckon|sounds best|is best|is better)(?: |$)"
)
_WH_REFUSAL = ("that is a question for your ear, not a command: MuseAroo reads a clip (e.g. 'what key is this "
              "clip in') and makes parts when asked (e.g. 'make chords for this')")  # fmt: skip


def refusal_of(s: str) -> str | None:
    """The reason a sentence (spaced, normalised: " add reverb to the vocals ") is not MuseAroo's, or None."""
    # not ours: printing, tuning, Live's devices (unless help or a warp is asked), files and sites said first
    helped = any(f" {p} " in s for p in (*v.HELP_PHRASES, *v.PRODUCT_HELP))
    static = _STATIC_FX.search(s) and not _MOVING.search(s)
    recording = _RECORDING.search(s) is not None and TO_MIDI.search(s) is None
    mixing = (_NOT_OURS.search(s) or recording or static) and not (helped or warped_in_time(s))
    if _NEVER.search(s) or mixing or (_ELSEWHERE.search(f" {clauses(s)[0]} ") and not helped):
        return "that is not something MuseAroo does (it makes and changes music in Live)"
    if _NEGATED.search(s):  # "don't stop the jam": a keyword under a "don't" is no command
        return (
            "nothing was done: say what should happen instead (e.g. 'keep playing' or 'give me another one')"
        )
    if _REMARK.search(s):  # "the undo button is broken", "cancel culture is wild": a keyword as a noun
        return "that sounds like a remark, not a command (it makes and changes music in Live)"
    if _WH_OPINION.search(s) and not helped:
        return _WH_REFUSAL
    return None
