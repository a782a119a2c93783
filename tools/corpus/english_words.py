"""Write the English words the project's sentences say (``bridge.commands.tongues``' list of read words).

    .venv/bin/python -m tools.corpus.english_words          (writes bridge/commands/english_words.txt)

The words of every sentence of the project's sets (tests/data/commands*.yaml) and of the generated
corpus (``command_corpus.generate``), lower case, letters only, two letters or more, less the words
only Spanish (``spanish_context.spanish_only``): the sentence a producer says in Spanish and English is
read where its words are Spanish ones the tables know or English ones on this list.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

from bridge.commands.english import ENGLISH_WORDS
from bridge.commands.spanish_context import spanish_only
from tools.corpus.command_corpus import generate

DATA = Path(__file__).resolve().parents[2] / "tests" / "data"


def sentences() -> list[str]:
    """The texts of the project's sets and of the generated corpus."""
    texts = [example.text for example in generate()]
    for path in sorted(DATA.glob("commands*.yaml")):
        items = yaml.safe_load(path.read_text()) or []
        texts += [str(item["text"]) for item in items if isinstance(item, dict) and "text" in item]
    return texts


def english_words(texts: list[str]) -> list[str]:
    words = {word for text in texts for word in re.findall(r"[a-z]+", text.lower()) if len(word) >= 2}
    return sorted(word for word in words if not spanish_only(word))


def main(argv: list[str]) -> None:
    out = Path(argv[0]) if argv else ENGLISH_WORDS
    words = english_words(sentences())
    out.write_text("\n".join(words) + "\n")
    print(f"{len(words)} words -> {out}")


if __name__ == "__main__":
    main(sys.argv[1:])
