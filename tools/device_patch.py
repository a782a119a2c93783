"""The MuseAroo device's patch: its controls, columns, switches and displays, as Max objects
(``tools.maxpatch``); ``tools/build_device.py`` writes it into the .amxd with the scripts.
"""

from __future__ import annotations

from collections.abc import Callable

from bridge import protocol
from tools.device_midi import midi_column
from tools.maxpatch import Patch, button, menu, parameter, ranged

NODE_SCRIPT = "musearoo_device.js"
TRACK_SCRIPT = "musearoo_track.js"


GENRES = (
    "pop",
    "rock",
    "jazz",
    "electronic",
    "hip-hop",
    "classical",
    "country",
    "blues",
    "reggae",
    "ambient",
    "house",
    "techno",
    "trap",
    "drum-and-bass",
    "lo-fi",
    "funk",
    "neo-soul",
    "metal",  # last: a saved Set keeps the menu's index, so a new genre never moves the others
)


FILLS = ("genre", "none", "phrase", "4")  # "genre": the genre's own fills


# The groove column: name, initial value, position; sent only while "My groove" is on.
GROOVE_DIALS = (
    ("Swing", 0.0, (444, 26)),
    ("Humanize", 0.3, (500, 26)),
    ("Accent", 0.5, (444, 76)),
    ("Intensity", 0.5, (500, 76)),
)


PART_BUTTONS = (
    ("Drums", "drums"),
    ("Bass", "bass"),
    ("Chords", "chords"),
    ("Melody", "melody"),
    ("All", "all"),
    ("Song", "song"),
)


# Transform (the selected clip, or with the Arrangement switch on the arrangement clip in Live's Clip
# View, in place): the kinds that need no option of their own
TRANSFORM_MENU = tuple(k for k in protocol.TRANSFORM_KINDS if not k.startswith("drums_"))


NODE_OUTPUTS = ("osc", "listen", "status", "progress", "rtt", "context", "source")


def build_patch() -> Patch:
    patch = Patch()
    node, router = core(patch)
    controls(patch, node)
    displays(patch, router)
    return patch


def core(patch: Patch) -> tuple[str, str]:
    """The script, its UDP pair, the router of its output, the load-time wiring; (node, router)."""
    node = patch.obj(f"node.script {NODE_SCRIPT} @autostart 1")
    patch.boxes[-1]["box"]["saved_object_attributes"] = {"autostart": 1, "defer": 0, "watch": 0}
    send = patch.obj(f"udpsend {protocol.HOST} {protocol.DAEMON_PORT}")
    # A placeholder port: at load the script picks a free one and sends "port N" here.
    receive = patch.obj(f"udpreceive {protocol.DAEMON_PORT + 1}")
    router = patch.obj("route " + " ".join(NODE_OUTPUTS))
    patch.connect(receive, 0, node)
    patch.connect(node, 0, router)
    patch.connect(router, 0, send)
    to_port = patch.obj("prepend port")
    patch.connect(router, 1, to_port)
    patch.connect(to_port, 0, receive)
    patch.connect(router, len(NODE_OUTPUTS), patch.obj("print MuseAroo"))

    # Load: find our own track (LiveAPI in [js]) first, then let the logic re-register.
    this_device = patch.obj("live.thisdevice")
    on_load = patch.obj("t b b")
    locator = patch.obj(f"js {TRACK_SCRIPT}")
    patch.connect(this_device, 0, on_load)
    patch.connect(on_load, 1, locator)
    patch.connect(locator, 0, node)
    loaded = patch.message("loaded")
    patch.connect(on_load, 0, loaded)
    patch.connect(loaded, 0, node)
    midi_in, midi_out = patch.obj("midiin"), patch.obj("midiout")  # MIDI on the track passes through
    patch.connect(midi_in, 0, midi_out)
    return node, router


def controls(patch: Patch, node: str) -> None:
    """The UI: each control sends a plain message ("generate drums", "bars 4", ...) to the script."""

    def sends(control: str, text: str) -> None:
        """The control's left outlet triggers a message box that goes to the script."""
        msg = patch.message(text)
        patch.connect(control, 0, msg)
        patch.connect(msg, 0, node)

    for i, (name, part) in enumerate(PART_BUTTONS):
        sends(button(patch, name, (4 + 52 * i, 4, 50, 18)), f"generate {part}")
    sends(button(patch, "Vary", (318, 4, 54, 18)), "vary")
    sends(button(patch, "Cancel", (376, 4, 60, 18)), "cancel")

    patch.label("Bars", (4, 27, 30, 18))
    bars = ranged(patch, "live.numbox", "Bars", 1, (1, 64, 4), (34, 28, 36, 17))
    patch.connect(bars, 0, prepend := patch.obj("prepend bars"))
    patch.connect(prepend, 0, node)
    patch.label("Genre", (76, 27, 36, 18))
    patch.connect(menu(patch, "Genre", GENRES, (112, 28, 86, 17)), 0, prepend := patch.obj("prepend genre"))
    patch.connect(prepend, 0, node)
    target = patch.ui(
        "live.text",
        1,
        2,
        (204, 28, 84, 17),
        text="Selected track",
        texton="This track",
        mode=1,
        **parameter(
            "Target",
            2,
            parameter_enum=["Selected track", "This track"],
            parameter_mmax=1,
            parameter_initial_enable=1,
            parameter_initial=[1],
        ),
    )
    patch.connect(target, 0, prepend := patch.obj("prepend follow"))
    patch.connect(prepend, 0, node)
    # beside the slot choice: a part into the Arrangement at the loop brace instead of a slot
    place = patch.ui(
        "live.text",
        1,
        2,
        (292, 28, 80, 17),
        text="Session slot",
        texton="Arrangement",
        mode=1,
        **parameter("Arrangement", 2, parameter_enum=["Session slot", "Arrangement"], parameter_mmax=1),
    )
    patch.connect(place, 0, prepend := patch.obj("prepend arrangement"))
    patch.connect(prepend, 0, node)
    for name, x in (("Density", 4), ("Complexity", 58)):
        dial = ranged(patch, "live.dial", name, 0, (0.0, 1.0, 0.5), (x, 50, 52, 48), parameter_unitstyle=1)
        patch.connect(dial, 0, prepend := patch.obj(f"prepend {name.lower()}"))
        patch.connect(prepend, 0, node)

    kinds = menu(patch, "Transform kind", TRANSFORM_MENU, (4, 100, 62, 14))  # under the dials
    patch.connect(kinds, 0, prepend := patch.obj("prepend transformkind"))
    patch.connect(prepend, 0, node)
    sends(button(patch, "Transform", (68, 100, 44, 14)), "transform")

    # The prompt: MusicGen bangs the text field first (it outputs "text <words>"), then asks.
    prompt = patch.ui(
        "textedit",
        1,
        4,
        (116, 52, 248, 20),
        varname="Prompt",
        keymode=1,
        lines=1,
        text="lofi piano loop with vinyl crackle",
    )
    patch.connect(prompt, 0, prepend := patch.obj("prepend prompt"))
    patch.connect(prepend, 0, node)
    musicgen = button(patch, "MusicGen", (368, 52, 68, 20))
    order = patch.obj("t b b")
    patch.connect(musicgen, 0, order)
    patch.connect(order, 1, prompt)
    patch.connect(order, 0, msg := patch.message("musicgen"))
    patch.connect(msg, 0, node)

    sends(button(patch, "Analyze clip", (116, 78, 76, 18)), "analyze")
    sends(button(patch, "Warp to song", (116, 98, 76, 16)), "warp")  # analyse, then bars on bar lines
    sends(button(patch, "Split stems", (196, 78, 70, 18)), "separate")
    model = menu(patch, "Stem model", protocol.SEPARATION_MODELS, (270, 78, 94, 18))
    patch.connect(model, 0, prepend := patch.obj("prepend model"))
    patch.connect(prepend, 0, node)
    # Push to talk: live.button with transition Both bangs on press and on release.
    voice = patch.ui(
        "live.button",
        1,
        1,
        (368, 78, 68, 18),
        transition=2,
        **parameter("Voice", 2, parameter_enum=["off", "on"], parameter_mmax=1),
    )
    patch.label("Voice (hold)", (368, 98, 68, 16))
    sends(voice, "voice")
    jam_switches(patch, node)
    groove_column(patch, node)
    history_column(patch, node, sends)
    midi_column(patch, node, sends)


def history_column(patch: Patch, node: str, sends: Callable[[str, str], None]) -> None:
    """History (list the newest takes), Take (which of them, 1 = newest), Recall, Star, Undo that."""
    sends(button(patch, "History", (560, 4, 100, 18)), "history")
    patch.label("Take", (560, 27, 30, 18))
    take = ranged(patch, "live.numbox", "Take", 1, (1, 8, 1), (594, 28, 36, 17))
    patch.connect(take, 0, prepend := patch.obj("prepend take"))
    patch.connect(prepend, 0, node)
    sends(button(patch, "Recall", (560, 50, 100, 18)), "recall")
    sends(button(patch, "Star", (560, 72, 100, 18)), "star")
    sends(button(patch, "Undo that", (560, 94, 100, 18)), "undo")
    # what parts follow: one press to follow nothing, one to take the selected clip's chords
    sends(button(patch, "Follow nothing", (560, 116, 100, 16)), "follownothing")
    sends(button(patch, "Chords from clip", (560, 134, 100, 14)), "followclip")


def jam_switches(patch: Patch, node: str) -> None:
    """Jam (start on press, stop on release of the toggle) and Rec jam (the next jam keeps takes)."""
    for name, on_text, message, rect in (
        ("Jam", "Jamming", "jam", (196, 98, 82, 16)),
        ("Rec jam", "Rec jam on", "jamrecord", (282, 98, 82, 16)),
    ):
        switch = patch.ui(
            "live.text",
            1,
            2,
            rect,
            text=name,
            texton=on_text,
            mode=1,
            **parameter(name, 2, parameter_enum=["off", "on"], parameter_mmax=1),
        )
        patch.connect(switch, 0, prepend := patch.obj(f"prepend {message}"))
        patch.connect(prepend, 0, node)


def groove_column(patch: Patch, node: str) -> None:
    """Swing, humanize, accent and intensity dials behind a "My groove" switch, and a fills menu."""
    switch = patch.ui(
        "live.text",
        1,
        2,
        (444, 4, 108, 18),
        text="Genre groove",
        texton="My groove",
        mode=1,
        **parameter("Groove", 2, parameter_enum=["Genre groove", "My groove"], parameter_mmax=1),
    )
    patch.connect(switch, 0, prepend := patch.obj("prepend groove"))
    patch.connect(prepend, 0, node)
    for name, initial, (x, y) in GROOVE_DIALS:
        dial = ranged(patch, "live.dial", name, 0, (0.0, 1.0, initial), (x, y, 52, 48), parameter_unitstyle=1)
        patch.connect(dial, 0, prepend := patch.obj(f"prepend {name.lower()}"))
        patch.connect(prepend, 0, node)
    patch.label("Fills", (444, 128, 30, 18))
    patch.connect(menu(patch, "Fills", FILLS, (476, 129, 76, 17)), 0, prepend := patch.obj("prepend fills"))
    patch.connect(prepend, 0, node)


def displays(patch: Patch, router: str) -> None:
    """Status line, progress bar, round-trip and song lines, set from the script's output."""
    lines = {
        "status": (4, 116, 432, 16),
        "rtt": (4, 138, 432, 14),
        "context": (4, 152, 432, 14),
        "source": (444, 152, 216, 14),  # what parts follow now (/roo/follow/state)
    }
    for name, rect in lines.items():
        shown = patch.ui("comment", 1, 0, rect, text="" if name != "status" else "starting...", varname=name)
        patch.connect(router, NODE_OUTPUTS.index(name), setter := patch.obj("prepend set"))
        patch.connect(setter, 0, shown)
    bar = patch.ui(
        "slider", 1, 1, (4, 132, 432, 5), orientation=1, size=101.0, ignoreclick=1, varname="progress"
    )
    patch.connect(router, NODE_OUTPUTS.index("progress"), setter := patch.obj("prepend set"))
    patch.connect(setter, 0, bar)
