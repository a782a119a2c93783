"""Asked whether it can do a thing outside Live, with a request beside it (issue 55, round 20): "can you read the
comments and play what they ask", "could it check the chat and add whatever they want", "can u stream this and
mute the hats". The first thing is no job of MuseAroo's (reading a chat, comments, messages or an inbox;
streaming or going live; posting, uploading or tweeting; emailing, texting or messaging someone), and the request
beside it hangs on it or is said as part of the same question: nothing of it is done, the whole sentence is
answered as not MuseAroo's (``NOT_OURS``). A question about its own work ("can you make the drums busier and
play it") is read as before. Stdlib only.
"""

from __future__ import annotations

import re

from bridge.commands.weighing import ABLE_TO

_WHOSE = r"(?:(?:the|my|our|your|their|his|her|this|that|all the|all my|twitch|youtube|discord|stream) )*"
_SAID_ELSEWHERE = (
    r"(?:chat|chats|comments?|messages?|msgs?|dms?|inbox|emails?|e mails?|mails?|texts?|tweets?|replies|"
    r"requests?|song requests?|donations?|subs|viewers|twitch|youtube|discord|stream)"
)
# where a request starts: right after "can you", or after "and", "then", "or"
_START = r"(?:^|(?<= and)|(?<= then)|(?<= or))(?: (?:please|just|also|maybe|like|pls))?"
# reading or answering what people write elsewhere: "read the comments", "keep an eye on chat"
_READ = re.compile(
    rf"{_START} (?:read|check|watch|monitor|scan|follow|look at|look through|go through|keep an eye on|"
    rf"keep up with|listen to|moderate|answer|reply to|respond to|take) {_WHOSE}{_SAID_ELSEWHERE} "
)
# sending the music out of the studio: streamed, posted, mailed ("message me the tempo" is a question put to it)
_OUT = re.compile(
    rf"{_START} (?:stream|livestream|live stream|go live|broadcast|post|upload|publish|tweet|email|e mail|mail|"
    r"text|dm|message)(?= )(?! (?:me|us) (?:what|which|how|the key|the tempo))"
)


def beyond_asked(s: str) -> bool:
    """Whether the normalised sentence (padded) asks if MuseAroo can do a job outside Live ("can it read
    chat and ..."): answered whole as not MuseAroo's, its other request never acted on."""
    asked = ABLE_TO.search(s)
    if asked is None:
        return False
    rest = " " + s[asked.end() :]
    return _READ.search(rest) is not None or _OUT.search(rest) is not None
