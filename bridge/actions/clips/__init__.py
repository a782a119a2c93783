"""Reading and describing the clips an action starts from: MIDI (``midi``) and audio (``audio``)."""
