"""The examples a question offers, each read by the whole reader as a request (issue 55): an example the
reader would itself ask about ("make it softer", asked "did you mean 'make it softer' or 'humanize it'?")
is never offered, and the question's reason quotes only examples kept (the next kept one in its place).

Every builder of a question (a template's examples, the learned reading's likeliest readings said as
sentences, the nearest known commands) checks its examples with the rules alone; the whole reader weighs
the learned reading too, so this is the one place an example is read as the person will say it back."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable

from bridge.commands import reader as lr
from bridge.commands.intent import UNKNOWN, Intent

_inside = threading.local()  # an example read while examples are checked offers nothing to check


def acting(intent: Intent, parse: Callable[[str], Intent]) -> Intent:
    """``intent`` with the examples it offers that ``parse`` would ask about left out, and its reason's
    quotes of them replaced by kept examples not yet quoted (or taken out with their "or" / comma); as it
    is when it acts, offers nothing, is an example being checked, or no example it offers acts."""
    tips = [str(t) for t in intent.params.get("suggestions", [])]
    if intent.action != UNKNOWN or not tips or getattr(_inside, "on", False):
        return intent
    _inside.on = True
    try:
        with lr.read_ahead(tips):  # the examples read by the encoder in one call
            kept = [t for t in tips if parse(t).action != UNKNOWN]
    finally:
        _inside.on = False
    if kept == tips or not kept:
        return intent
    reason = requoted(str(intent.params.get("reason", "")), [t for t in tips if t not in kept], kept)
    return Intent(
        intent.action, intent.part, {**intent.params, "reason": reason, "suggestions": kept}, intent.heard
    )


def requoted(reason: str, dropped: list[str], kept: list[str]) -> str:
    """``reason`` with each quoted ``dropped`` example replaced by the first ``kept`` one it does not quote,
    or, when none is left, taken out with the "or" or comma joining it to the next quote."""
    spare = [t for t in kept if f"'{t}'" not in reason]
    for gone in dropped:
        quoted = f"'{gone}'"
        if quoted not in reason:
            continue
        if spare:
            reason = reason.replace(quoted, f"'{spare.pop(0)}'", 1)
            continue
        gone_re = re.escape(quoted)
        for joined in (rf"{gone_re}(?: with '[^']*')?,? or (?=')", rf",? or {gone_re}", rf"{gone_re}, (?=')"):
            cut = re.sub(joined, "", reason, count=1)
            if cut != reason:
                reason = cut
                break
    return reason
