# The two commands a newcomer needs:  make run  and  make test.
# Both install what is missing from Debian's packages (apt-get, as root), configure and build.
BUILD   ?= build
CMAKE_ARGS ?=
JOBS    ?= $(shell nproc)
PACKAGES := cmake ninja-build g++ qt6-base-dev qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools \
            qt6-l10n-tools libeigen3-dev libopenblas-dev libqcustomplot-dev nlohmann-json3-dev \
            fonts-noto-cjk libgl-dev qt6-qpa-plugins

.PHONY: run test build configure deps bench clean

run: build
	$(BUILD)/app/lmscope

test: build
	cd $(BUILD) && QT_QPA_PLATFORM=offscreen ctest --output-on-failure -j1

build: configure
	cmake --build $(BUILD) -j$(JOBS)

configure: deps
	@test -f $(BUILD)/build.ninja || cmake -S . -B $(BUILD) -G Ninja $(CMAKE_ARGS)

# Installs only what is missing, so a machine that has everything is not touched.
deps:
	@missing=$$(for p in $(PACKAGES); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null \
	    | grep -q 'install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "installing: $$missing"; \
	  if [ "$$(id -u)" -ne 0 ]; then SUDO=sudo; fi; \
	  $$SUDO apt-get update && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y --no-install-recommends $$missing; \
	fi

bench: build
	$(BUILD)/tests/bench/bench_matmul

clean:
	rm -rf $(BUILD)
