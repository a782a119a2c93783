"""The patcher: well-formed boxes and cords, the required controls, and protocol facts that match."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from tests.max_for_live.device_files import DEVICE_DIR, JS_FILES, Graph, build_module, patcher, protocol_facts

GENRES = (
    "pop rock jazz electronic hip-hop classical country blues reggae ambient "
    "house techno trap drum-and-bass lo-fi funk neo-soul metal"
).split()
# Inlet and outlet counts of the UI classes as Max 8 reports them (written out here, not taken
# from the build script, so a wrong count in either place shows up).
UI_PORTS = {
    "live.text": (1, 2),
    "live.button": (1, 1),
    "live.menu": (1, 3),
    "live.dial": (1, 2),
    "live.numbox": (1, 2),
    "textedit": (1, 4),
    "comment": (1, 0),
    "message": (2, 1),
    "slider": (1, 1),
}
CONTROLS = [
    "Jam",
    "Rec jam",
    "Drums",
    "Bass",
    "Chords",
    "Melody",
    "All",
    "Song",
    "Vary",
    "Cancel",
    "Bars",
    "Genre",
    "Target",
    "Arrangement",
    "Transform kind",
    "Transform",
    "Density",
    "Complexity",
    "Prompt",
    "MusicGen",
    "Analyze clip",
    "Warp to song",
    "Split stems",
    "Stem model",
    "Voice",
    "Groove",
    "Swing",
    "Humanize",
    "Accent",
    "Intensity",
    "Fills",
    "History",
    "Take",
    "Follow nothing",
    "Chords from clip",
    "Recall",
    "Star",
    "Undo that",
    "MIDI kind",
    "Quantize",
    "Convert to MIDI",
]


@pytest.fixture(scope="module")
def patch() -> dict[str, Any]:
    return patcher()


@pytest.fixture(scope="module")
def graph(patch: dict[str, Any]) -> Graph:
    return Graph(patch)


def node_box(graph: Graph) -> dict[str, Any]:
    [box] = graph.with_text("node.script ")
    return box


def test_every_box_is_complete_and_ids_are_unique(patch: dict[str, Any]) -> None:
    ids = [b["box"]["id"] for b in patch["boxes"]]
    assert len(ids) == len(set(ids))
    for entry in patch["boxes"]:
        box = entry["box"]
        for key in ("id", "maxclass", "numinlets", "numoutlets", "patching_rect"):
            assert key in box, f"{box['id']} lacks {key}"
        assert len(box["patching_rect"]) == 4
        if box["maxclass"] in ("newobj", "message"):
            assert box["text"].strip(), f"{box['id']} is an empty object box"
        if "outlettype" in box:
            assert len(box["outlettype"]) == box["numoutlets"]
        if box["maxclass"] in UI_PORTS:
            assert (box["numinlets"], box["numoutlets"]) == UI_PORTS[box["maxclass"]], box["id"]


def test_every_cord_joins_existing_boxes_at_valid_inlets_and_outlets(
    patch: dict[str, Any], graph: Graph
) -> None:
    assert patch["lines"]
    for entry in patch["lines"]:
        (src, outlet), (dst, inlet) = entry["patchline"]["source"], entry["patchline"]["destination"]
        assert src in graph.boxes and dst in graph.boxes, entry
        assert 0 <= outlet < graph.boxes[src]["numoutlets"], f"{src} has no outlet {outlet}"
        assert 0 <= inlet < graph.boxes[dst]["numinlets"], f"{dst} has no inlet {inlet}"


def test_graph_checker_catches_a_bad_cord(patch: dict[str, Any]) -> None:
    broken = json.loads(json.dumps(patch))
    broken["lines"].append({"patchline": {"source": ["obj-1", 9], "destination": ["obj-404", 0]}})
    with pytest.raises(AssertionError):
        test_every_cord_joins_existing_boxes_at_valid_inlets_and_outlets(broken, Graph(broken))


def test_every_required_control_reaches_the_script(graph: Graph) -> None:
    node = node_box(graph)["id"]
    for name in CONTROLS:
        assert graph.reaches(graph.named(name)["id"], node), f"{name} is not wired to the node.script"
    [this_device] = graph.with_text("live.thisdevice")
    [locator] = graph.with_text("js ")
    assert graph.reaches(this_device["id"], locator["id"]) and graph.reaches(locator["id"], node)


def test_script_output_reaches_udp_and_every_display(graph: Graph) -> None:
    build = build_module()
    [router] = graph.with_text("route ")
    assert router["text"].split()[1:] == list(build.NODE_OUTPUTS)
    assert graph.reaches(node_box(graph)["id"], router["id"])
    [send] = graph.with_text("udpsend ")
    [receive] = graph.with_text("udpreceive ")
    targets = {
        "osc": send["id"],
        "listen": receive["id"],
        "status": graph.named("status")["id"],
        "progress": graph.named("progress")["id"],
        "rtt": graph.named("rtt")["id"],
        "context": graph.named("context")["id"],
        "source": graph.named("source")["id"],
    }
    for i, name in enumerate(build.NODE_OUTPUTS):
        assert graph.reaches(router["id"], targets[name], outlet=i), f"route outlet {name} goes nowhere"
        others = [t for n, t in targets.items() if n != name]
        assert not any(graph.reaches(router["id"], t, outlet=i) for t in others), name
    assert graph.reaches(receive["id"], node_box(graph)["id"])


def test_parts_menus_and_push_to_talk(graph: Graph) -> None:
    facts = protocol_facts()
    node = node_box(graph)["id"]
    sent_parts = set()
    for msg in graph.with_text("generate "):
        assert msg["maxclass"] == "message"
        part = msg["text"].split()[1]
        assert part in facts["parts"]
        assert graph.reaches(graph.named(part.capitalize())["id"], msg["id"])
        assert graph.reaches(msg["id"], node)
        sent_parts.add(part)
    assert sent_parts == set(facts["parts"]) == {"drums", "bass", "chords", "melody", "all", "song"}
    genre = graph.named("Genre")["saved_attribute_attributes"]["valueof"]
    assert genre["parameter_enum"] == GENRES
    logic = (DEVICE_DIR / "musearoo_logic.js").read_text()
    found = re.search(r"const GENRES = (\[.*?\]);", logic)
    assert found and json.loads(found.group(1)) == GENRES, "the script's genre list differs from the menu"
    model = graph.named("Stem model")["saved_attribute_attributes"]["valueof"]
    assert model["parameter_enum"] == facts["separation_models"]
    assert facts["separation_models"] == ["htdemucs", "htdemucs_ft", "htdemucs_6s", "mdx_extra"]
    voice = graph.named("Voice")
    assert voice["maxclass"] == "live.button" and voice["transition"] == 2  # bang on press and on release
    assert graph.named("Prompt")["maxclass"] == "textedit"
    assert graph.named("Density")["maxclass"] == graph.named("Complexity")["maxclass"] == "live.dial"


def test_jam_and_rec_jam_are_toggles_that_send_their_messages_to_the_script(graph: Graph) -> None:
    node = node_box(graph)["id"]
    for name, message in (("Jam", "prepend jam"), ("Rec jam", "prepend jamrecord")):
        switch = graph.named(name)
        assert switch["maxclass"] == "live.text" and switch["mode"] == 1  # on and off, not a bang
        [prepend] = [b for b in graph.with_text(message) if b["text"] == message]
        assert graph.reaches(switch["id"], prepend["id"]) and graph.reaches(prepend["id"], node)


def test_ports_match_protocol_json(graph: Graph) -> None:
    facts = protocol_facts()
    [send] = graph.with_text("udpsend ")
    assert send["text"].split() == ["udpsend", facts["host"], str(facts["daemon_port"])]
    [receive] = graph.with_text("udpreceive ")
    placeholder = int(receive["text"].split()[1])
    assert placeholder not in (facts["daemon_port"], facts["live_port"])
    for name in JS_FILES:
        source = (DEVICE_DIR / name).read_text()
        for port in (facts["daemon_port"], facts["live_port"]):
            assert str(port) not in source, (
                f"{name} writes port {port} itself instead of reading protocol.json"
            )


def test_every_address_in_the_device_is_in_protocol_json(patch: dict[str, Any]) -> None:
    known = set(protocol_facts()["addresses"].values())
    texts = {"MuseAroo.amxd": json.dumps(patch)} | {n: (DEVICE_DIR / n).read_text() for n in JS_FILES}
    for name, text in texts.items():
        for address in re.findall(r"/(?:roo|live)(?:/[a-z_]+)+", text):
            assert address in known, f"{name} uses {address}, which protocol.json does not define"


def test_scripts_exist_and_the_device_fits_live(patch: dict[str, Any], graph: Graph) -> None:
    build = build_module()
    for name in build.DEVICE_FILES:
        assert (DEVICE_DIR / name).is_file(), name
    assert node_box(graph)["text"].split()[1] == "musearoo_device.js"
    [locator] = graph.with_text("js ")
    assert locator["text"].split()[1] == "musearoo_track.js"
    width, height = patch["openrect"][2], patch["openrect"][3]
    assert height == 169
    for box in graph.boxes.values():
        if box.get("presentation"):
            x, y, w, h = box["presentation_rect"]
            assert x >= 0 and y >= 0 and x + w <= width and y + h <= height, box["id"]


def test_the_genre_menu_offers_exactly_the_genre_presets() -> None:
    from engines import presets

    assert sorted(GENRES) == sorted(presets.names("genres"))


def test_follow_nothing_is_one_press_and_the_source_is_shown(graph: Graph) -> None:
    """Follow nothing sends "follownothing" to the script; the script's "source" reaches its line."""
    node = node_box(graph)["id"]
    for name, message in (("Follow nothing", "follownothing"), ("Chords from clip", "followclip")):
        [box] = [b for b in graph.with_text(message) if b["text"] == message]
        assert graph.reaches(graph.named(name)["id"], box["id"]) and graph.reaches(box["id"], node)
    [router] = graph.with_text("route ")
    outlet = router["text"].split()[1:].index("source")
    assert graph.reaches(router["id"], graph.named("source")["id"], outlet=outlet)
