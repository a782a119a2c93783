"""The generated corpus's templates for the session's operations: undo and redo, takes, audio, MIDI-GPT,
jam, transport, and sentences that are not a MuseAroo request (``none``) or too vague to act on
(``ask``). The note edits are in ``command_templates.py``, which gathers both.
"""

from __future__ import annotations

T = list[tuple[str, str]]

UNDO: T = [
    ("undo", ""), ("undo that", ""), ("go back one step", ""), ("take that back", ""), ("scrap the last change", ""),
    ("undo the last two things", ""), ("ugh undo", ""), ("revert that change", ""), ("ctrl z", ""),
    ("undo that {n} times", ""), ("back up {n} steps", ""), ("ctrl z a couple of times", ""),
    ("revert the last {n} changes", ""), ("step back once", ""),
]  # fmt: skip
REDO: T = [
    ("redo", ""),
    ("redo that", ""),
    ("actually put that change back", ""),
    ("undo the undo", ""),
    ("redo it", ""),
    ("bring back the change I just undid", ""), ("I undid too much, put it back", ""), ("reapply what I took back", ""),
    ("undo my undo", ""), ("oops, restore the edit I reverted", ""), ("redo the last {n} things", ""),
    ("ctrl shift z", ""), ("put the thing I undid back in", ""), ("redo that twice", ""),
]  # fmt: skip
STAR: T = [
    ("{t} is the one, star it", "r"), ("I like {t} best, give it a star", "r"), ("{t} gets my vote, star it", "r"),
    ("star {t} please, it's my favourite", "r"),
    ("{t} earns a star from me", "r"), ("{t} is a keeper, star it", "rh"), ("stick a star on {t}", "rh"),
    ("put a star next to {t}", "rh"), ("{t} gets a star", "r"), ("mark {t} as a favourite", "r"),
    ("star {t}", "rh"), ("give {t} a star", "rh"), ("favorite {t}", "rh"), ("mark {t} as a keeper", "rh"),
    ("bookmark {t}", "rh"), ("I love {t}, star it", "rh"), ("save {t} as a favorite", "rh"), ("thumbs up {t}", "rh"),
]  # fmt: skip
UNSTAR: T = [
    ("unstar {t}", "rh"), ("remove the star from {t}", "rh"), ("unfavorite {t}", "rh"), ("take the star off {t}", "rh"),
]  # fmt: skip
NAME: T = [
    ("name {t} verse idea", "rh"), ("call {t} 'chorus groove'", "rh"), ("label {t} as late night", "rh"),
    ("rename {t} to dusty keys", "rh"), ("title {t} 'main loop'", "rh"),
]  # fmt: skip
RECALL: T = [
    ("undo back to {t}", "r"), ("restore {t}", "r"), ("let's go with {t} after all", "r"), ("load {t} again", "r"),
    ("go back to {t}", "r"), ("bring back {t}", "r"), ("I liked {t} better, restore it", "r"), ("revert to {t}", "r"),
    ("use {t} instead", "r"), ("put {t} back", "r"), ("recall {t}", "r"), ("switch back to {t}", "r"),
]  # fmt: skip
COMPARE: T = [
    ("what changed between {t} and the last take", "hr"), ("compare {t} with the previous one", "hr"),
    ("diff {t} against the one before", "hr"), ("how is {t} different from the second version", "hr"),
    ("what's the difference between these two takes", ""),
]  # fmt: skip
LIST: T = [
    ("show me my takes", ""), ("list the takes for {t}", "p"), ("which takes did I star", ""),
    ("what have we made so far", ""), ("show the starred takes", ""), ("take history for {t}", "p"),
    ("list everything I've generated", ""),
    ("let me see all the {t} takes", "p"), ("show me every version of {t} so far", "p"),
    ("what {t} takes have I got", "p"), ("pull up the list of takes", ""), ("which versions of {t} do we have", "p"),
    ("run me through the takes so far", ""), ("let me look at all my {t} attempts", "p"),
]  # fmt: skip
ANALYZE: T = [
    ("does {t} count in fours?", "h"), ("what key is this sample in", ""), ("tell me the tempo of {t}", "h"),
    ("match the project tempo to {t}", "h"), ("use the tempo of {t} for the song", "h"), ("detect the bpm of {t}", "h"),
    ("what meter is {t} in?", "h"), ("is {t} major or minor?", "h"), ("find the key of {t}", "h"),
    ("what key is {t} in?", "h"), ("what tempo is {t}?", "h"), ("analyze {t}", "h"), ("detect the chords in {t}", "h"),
    ("is {t} in 3/4 or 6/8?", "h"), ("match the tempo to {t}", "h"), ("what bpm is {t}?", "h"),
    ("figure out the key of {t}", "h"), ("what's the time signature of {t}?", "h"), ("read the chords off {t}", "h"),
    ("set the project tempo from {t}", "h"), ("how fast is {t}?", "h"), ("what chords are in this sample?", ""),
]  # fmt: skip
WARP: T = [
    ("warp {t} to the song", "h"), ("fit {t} to the tempo", "h"), ("line {t} up with the grid", "h"),
    ("stretch {t} to the project tempo", "h"), ("sync {t} to the beat", "h"), ("make {t} follow the song tempo", "h"),
    ("lock {t} to my project's tempo", "h"), ("get {t} sitting on the bars of my set", "h"),
    ("conform {t} to the song's bpm", "h"), ("make {t} sit in time with the project", "h"),
    ("snap {t} to the session tempo so it lines up", "h"), ("beat match {t} to my track", "h"),
]  # fmt: skip
SEPARATE: T = [
    ("I just want the singing from {t}", "h"), ("vocals only from {t}", "h"), ("get the drums out of {t}", "h"),
    ("make stems of {t}", "h"), ("I need {t} split into vocals, drums and bass", "h"), ("a vocal-free version of {t}", "h"),
    ("karaoke version of {t}", "h"), ("take the vocals out of {t}", "h"),
    ("split {t} into stems", "h"), ("an a cappella of {t}", "h"), ("pull the vocals out of {t}", "h"),
    ("separate the drums from {t}", "h"), ("isolate the vocals in {t}", "h"), ("get me an instrumental of {t}", "h"),
    ("demix {t}", "h"), ("stem {t} out", "h"), ("strip the vocal off {t}", "h"), ("unmix {t}", "h"),
    ("extract the bass from {t}", "h"),
    # one instrument of a recording by itself, as audio (not as midi: that is transcribe)
    ("just the bass from {t}, nothing else", "h"), ("I want to hear only the drums of {t}", "h"),
    ("give me the guitar out of {t} by itself", "h"), ("solo out the piano from {t} as its own audio", "h"),
    ("the vocal from {t} isolated please", "h"), ("lift the drums off {t} so I have them alone", "h"),
]  # fmt: skip
MUSICGEN: T = [
    ("an audio loop: distorted 808 with tape hiss", ""), ("generate a field recording of a busy cafe", ""),
    ("make an audio texture of wind and bells", ""), ("musicgen: funky wah guitar riff", ""),
    ("create a sample of a dusty soul horn stab", ""), ("audio of a {g} piano loop", ""),
    ("make an audio loop of rain on a tin roof", ""), ("generate the sound of a dusty vinyl piano", ""),
    ("I want an ambient pad texture as audio", ""), ("create audio: warm tape saturated guitar strums", ""),
    ("musicgen a {g} guitar loop", ""), ("render an audio clip of a cinematic riser", ""),
    ("generate audio of a choir humming", ""), ("give me a recorded-sounding {g} loop, audio please", ""),
]  # fmt: skip
INFILL: T = [
    ("let the network rewrite {s} and nothing else", ""), ("regenerate {s} of {t} with the model", "h"),
    ("let MIDI-GPT redo {s}", ""), ("new notes {s} only, keep the rest", ""), ("patch up {s} of {t}", "h"),
    ("rewrite {s} of {t}", "h"), ("regenerate just {s} with the neural model", ""), ("redo the middle of {t}", "h"),
    ("fill in {s} with MIDI-GPT", ""), ("re-do {s} of {t}", "h"), ("let the model rewrite {s}", ""),
]  # fmt: skip
CONTINUE: T = [
    ("go on from {t} for {n} bars more", "h"), ("another {n} bars after {t}", "h"), ("extend {t}", "hp"),
    ("{n} more bars of {t} please", "h"), ("continue {t}", "hp"), ("let {t} run on for {n} bars", "h"),
    ("continue {t} for another {n} bars", "hp"), ("extend {t} by {n} bars", "hp"), ("keep {t} going", "hp"),
    ("carry {t} on", "h"), ("make {t} longer", "hp"), ("what comes next after {t}?", "h"), ("add {n} bars to the end", ""),
    ("keep {t} going for {n} more bars", "hp"), ("let {t} carry on a bit longer", "hp"),
    ("take {t} further by {n} bars", "hp"), ("stretch {t} out with {n} more bars", "hp"),
    ("keep {t} going for another {n}", "hp"), ("let {t} keep going for another {n}", "hp"),
]  # fmt: skip
ACCOMPANY: T = [
    ("write {t} that plays along with this", "p"), ("{t} that grooves along with this clip", "p"), ("add {t} to go with the melody", "p"), ("accompany {t}", "h"),
    ("give this a {t} to match", "p"), ("a {t} that fits with what's here", "p"), ("back {t} up with a bassline", "h"),
    ("write {t} that rides along with what's already here", "p"), ("{t} that sits with what's playing", "p"),
    ("add {t} that works with the parts I have", "p"), ("make {t} that locks in with the current clip", "p"),
    ("I need {t} to go with what I've got", "p"), ("come up with {t} that complements this", "p"),
    ("compose {t} around the existing parts", "p"),
]  # fmt: skip
TRANSCRIBE: T = [
    ("turn {t} into midi", "hm"), ("convert {t} to midi", "hm"), ("{t} as midi please", "hm"),
    ("make a midi clip from {t}", "hm"), ("transcribe {t}", "hm"), ("get the notes of {t} into a midi clip", "hm"),
    ("can I have {t} as midi notes", "hm"), ("audio to midi on {t}", "hm"), ("I want {t} in midi", "hm"),
    ("pull the midi out of {t}", "hm"), ("write out {t} as midi so I can edit the notes", "hm"),
    ("give me {t} as midi", "e"), ("turn {t} into a midi track", "e"), ("I need {t} in midi", "e"),
    ("can you get {t} as midi notes", "e"), ("transcribe {t} to midi", "e"), ("convert {t} into midi", "e"),
    ("turn this riff into midi", ""), ("midi from this recording please", ""), ("make this hummed idea into midi", ""),
    ("quantized midi of {t}", "hm"), ("{t} to midi, snapped to the grid", "hm"),
    ("midi out of {t}", "hm"), ("get midi from {t}", "hm"), ("the notes of {t} as a midi clip", "hm"),
    ("rip the midi from {t}", "hm"), ("I'd like {t} written out as midi", "hm"),
]  # fmt: skip
JAM_START: T = [
    ("start jamming", ""), ("let's jam with {t}", "p"), ("play along live", ""), ("start a jam", ""),
    ("jam with me", ""), ("kick off a live jam at {b}", ""), ("play {t} live", "p"),
]  # fmt: skip
JAM_STOP: T = [
    ("stop the jam", ""),
    ("end the jam session", ""),
    ("stop jamming", ""),
    ("that's enough jamming", ""),
]
JAM_SET: T = [
    ("jam faster", ""), ("speed the jam up by 5", ""), ("more density in the jam", ""), ("jam in {y} now", ""),
    ("make the jam busier", ""), ("slow the jam down", ""),
]  # fmt: skip
JAM_SAVE: T = [
    ("save the last {n} bars of the jam", ""), ("keep that jam", ""), ("record what we just jammed", ""),
    ("capture the jam into clips", ""),
]  # fmt: skip
PLAY: T = [
    ("play", ""),
    ("hit play", ""),
    ("start playback", ""),
    ("play it from the top", ""),
    ("let me hear it", ""),
]
STOP: T = [("stop", ""), ("stop playback", ""), ("halt the transport", ""), ("stop playing", "")]
CANCEL: T = [("cancel that job", ""), ("never mind, abort", ""), ("cancel", ""), ("stop generating", "")]
HELP: T = [
    ("what can you do?", ""),
    ("help", ""),
    ("how do I use this?", ""),
    ("what commands are there?", ""),
]
CONFIRM: T = [("yes", ""), ("yeah do it", ""), ("the first one", ""), ("option 2", ""), ("no", ""), ("nope", ""),
               ("sure", ""), ("go with the second", "")]  # fmt: skip
NONE: T = [
    ("write lyrics for {t}", "pk"), ("master {t} for release", "pk"), ("upload {t} to soundcloud", "pkh"),
    ("sing {t} for me", "p"), ("send {t} to my producer friend", "pkh"), ("copyright {t}", "h"),
    ("sell {t} online", "hp"), ("post {t} on tiktok", "h"), ("clone a famous voice for {t}", "pk"),
    ("write a poem about {t}", "p"), ("print the sheet music for {t}", "p"),
    ("come up with words for the chorus melody", ""), ("write lyrics for the chorus", ""), ("master the drums for streaming", ""),
    ("put the final mixdown on youtube", ""), ("clone the singer's voice", ""), ("make my voice sound like a celebrity", ""),
    ("export the song as an mp3 and email it", ""), ("what's the capital of France", ""), ("pay the studio invoice", ""),
    ("tune my guitar", ""), ("make the vocals sound like Adele", ""), ("send this to my mixing engineer", ""),
    ("release the song on spotify", ""), ("translate the lyrics to Spanish", ""), ("find me a drummer", ""),
    ("order new strings for my bass", ""), ("loudness normalise the master to -14 LUFS", ""), ("remind me to practice", ""),
    ("master this track for spotify", ""), ("upload this to soundcloud", ""), ("write lyrics about heartbreak", ""),
    ("clone my voice", ""), ("sing it in my voice", ""), ("book a studio for friday", ""), ("what's the weather", ""),
    ("email this to my manager", ""), ("order a pizza", ""), ("post this on instagram", ""), ("call my mum", ""),
    ("make the master louder with a limiter for release", ""), ("register the song with my PRO", ""),
    ("write me a verse that rhymes", ""), ("make it sound like a famous singer", ""), ("set an alarm for 7", ""),
    ("buy more plugins", ""), ("send the stems to the label", ""), ("mix and master the whole album", ""),
    ("write me some lyrics for {t}", "p"), ("some words to sing over {t}", "p"), ("pen a second verse of lyrics", ""),
    ("can you write the words for {t}", "p"), ("lyrics for {t} please", "pk"), ("rhyme something for {t}", "p"),
]  # fmt: skip
ASK: T = [
    ("make it pop more", ""), ("it sounds off", ""), ("something's not right", ""), ("change the thing", ""),
    ("can you do the other one", ""), ("make it more like that", ""), ("hmm, different", ""),
    ("make it better", ""), ("fix it", ""), ("do something cool", ""), ("change it", ""), ("hmm not sure", ""),
    ("it needs something", ""), ("more", ""), ("can you improve this", ""), ("I don't like it", ""),
]  # fmt: skip
