# Two commands set everything up on a fresh Debian machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# Shared libraries Qt's xcb platform needs on a bare Debian machine (offscreen tests need only fontconfig).
QT_DEBS := libegl1 libgl1 libfontconfig1 libdbus-1-3 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 \
           libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 fonts-dejavu-core
# Headless Chromium checks the exported HTML's DOM in the tests; the validators check the .desktop file and metainfo.
TEST_DEBS := chromium appstream desktop-file-utils
# make dist: strip takes the interpreter's debug info out of the bundle; Xvfb lets the smoke test start it on X11.
DIST_DEBS := binutils xvfb
DIST_STAMP := $(VENV)/.dist-installed
WHEEL_VENV := build/wheel-venv

.PHONY: run test lint system-deps clean dist

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

system-deps:
	@missing=""; for p in $(QT_DEBS) $(TEST_DEBS) $(DIST_DEBS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then (apt-get update -qq && apt-get install -y -qq $$missing) >/dev/null; \
	  else echo "Qt and the tests need these Debian packages: sudo apt-get install$$missing"; fi; fi

run: $(STAMP) system-deps
	$(BIN)/python main.py $(ARGS)

lint: $(STAMP)
	$(BIN)/ruff check desktop tests benchmarks main.py
	$(BIN)/ruff format --check desktop tests benchmarks main.py
	$(BIN)/lint-imports
	$(BIN)/mypy desktop

test: $(STAMP) system-deps lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) build dist *.egg-info

$(DIST_STAMP): $(STAMP) pyproject.toml
	$(BIN)/pip install --quiet -e '.[test,dist]'
	touch $(DIST_STAMP)

# The wheel and sdist (dist/), the one-folder app (dist/parallax/), then the same headless smoke test against the
# frozen executable and against the wheel installed into a fresh venv.
dist: $(DIST_STAMP) system-deps
	rm -rf dist build/pyinstaller $(WHEEL_VENV)
	$(BIN)/python -m build --outdir dist
	$(BIN)/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller packaging/parallax.spec
	du -sh dist/parallax
	$(BIN)/python packaging/smoke_test.py dist/parallax/parallax --label frozen
	$(PYTHON) -m venv $(WHEEL_VENV)
	$(WHEEL_VENV)/bin/pip install --quiet dist/parallax-*.whl
	$(BIN)/python packaging/smoke_test.py $(WHEEL_VENV)/bin/parallax --label wheel
