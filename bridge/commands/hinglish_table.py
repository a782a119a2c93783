"""The Hinglish reader's tables (issue 55, round 27; data only, read by ``hinglish_words``): the words that mark a
sentence as Hinglish, the verbs said last and their English, the words of how before the light verb, and the
words said plainly wherever they stand. Every word comes from a row of round 26's open sets 122 and 124."""

from __future__ import annotations

# words no English sentence says: two distinct ones mark a sentence as Hinglish
MARKERS = frozenset(
    "mein aur sirf liye ke ka ki ko wala wale wali hai hain thoda thode bahut zyada yaar bhai chahiye phir kar "
    "karo bana banao bna daal daalo rakh rakho hata sunao dena bhi dono baaki ekdum shuru jaldi wapas mukhde "
    "mukhda antara isko kitne".split()
)  # fmt: skip
# a clause's verb (longest first) -> its English verb; "" is the light verb (its word before it says what)
VERBS = {
    "chala ke sunao": "play", "sunao": "play", "aage badha do": "continue", "aage badha de": "continue",
    "badha do": "raise", "badha de": "raise", "bana do": "make", "bana de": "make", "bana": "make",
    "banao": "make", "bna do": "make", "de do": "give me", "dena": "give me", "daal do": "add", "daal de": "add",
    "daal": "add", "daalo": "add", "rakh": "keep", "rakho": "keep", "hata do": "remove", "hata de": "remove",
    "uda de": "remove", "uda do": "remove", "udaa do": "remove", "likh de": "write", "likh do": "write",
    "likh": "write", "likho": "write", "nikaal do": "extract", "nikaal de": "extract", "bata do": "tell me",
    "bata de": "tell me", "wapas la": "bring back", "wapas lao": "bring back", "le jao": "take",
    "shuru karo": "start", "shuru karte hai": "start", "band karo": "stop", "band kar": "stop",
    "mein kya farak hai": "compare", "nahi chahiye": "not", "chahiye": "i want", "saath baje": "play",
    "kar do": "", "kar de": "", "karo": "", "kar": "", "kare": "",
}  # fmt: skip
# a word before the light verb that says how the thing should end up -> what is done ("upar kar do": louder)
HOW = {
    "up": "make {} louder", "down": "move {} down", "earlier": "move {} earlier", "late": "move {} later",
    "kam": "lower {}", "half time": "make {} half time", "something": "do something to {}",
}  # fmt: skip
# words said plainly wherever they stand (whole words; "" drops a word)
WORDS = {
    "sirf": "only", "har": "every", "mukhde": "the chorus", "mukhda": "the chorus", "ye": "this", "isko": "it",
    "woh": "that", "poora": "the whole", "pura": "the whole", "poore": "the whole", "thoda": "a bit",
    "thode": "a few", "bahut zyada": "too many", "bahut": "too", "baaki sab": "everything else", "baaki": "the rest",
    "dono": "", "chhota": "small", "naye": "new", "dobara": "again", "pichla": "the previous", "pehla": "the first",
    "teesra": "the third", "wala": "", "wale": "", "yaar": "", "bhai": "", "jaldi": "", "ekdum": "", "arre": "",
    "accha": "", "chal": "", "ab": "", "tha": "", "bhi": "", "neeche": "down", "upar": "up",
    "pehle": "earlier", "peeche": "behind", "kitne": "how many", "kuch": "something", "cheez": "thing",
    "dusre": "the other", "jo": "that", "honi chahiye": "", "kar raha": "", "lag raha": "sounds hai",
    "lag rahe": "sound hai", "raha": "hai", "rahe": "hai", "alag": "", "chalne": "", "ho gaye ab tak": "are there",
    "mere paas": "", "bas bas": "", "hain?": "are there?",
}  # fmt: skip
