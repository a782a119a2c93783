"""Where an action writes: the track rule (``track``) and taking back the tracks it made (``made``)."""
