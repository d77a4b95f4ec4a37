# The two commands a newcomer needs:  make run  and  make test.
# Both install what is missing from Debian's packages (apt-get, as root), configure and build.
BUILD   ?= build
CMAKE_ARGS ?=
JOBS    ?= $(shell nproc)
PACKAGES := cmake ninja-build g++ qt6-base-dev qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools \
            qt6-l10n-tools libeigen3-dev libopenblas-dev libqcustomplot-dev nlohmann-json3-dev \
            fonts-noto-cjk libgl-dev qt6-qpa-plugins

.PHONY: run test test-sanitize build configure deps bench clean

run: build
	$(BUILD)/app/lmscope

test: build
	cd $(BUILD) && QT_QPA_PLATFORM=offscreen ctest --output-on-failure -j1

# The whole suite again under AddressSanitizer + UndefinedBehaviorSanitizer (build-asan/); any
# report fails its test. .ci/run runs it after `make test`.
SANITIZE_BUILD ?= build-asan
test-sanitize: deps
	@test -f $(SANITIZE_BUILD)/build.ninja || cmake -S . -B $(SANITIZE_BUILD) -G Ninja \
	    -DLMSCOPE_SANITIZE=ON -DLMSCOPE_BUILD_BENCH=OFF
	cmake --build $(SANITIZE_BUILD) -j$(JOBS)
	cd $(SANITIZE_BUILD) && QT_QPA_PLATFORM=offscreen \
	    ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:detect_stack_use_after_return=0 \
	    LSAN_OPTIONS=suppressions=$(CURDIR)/tests/sanitizer/lsan.supp:print_suppressions=0 \
	    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	    ctest --output-on-failure -j1

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
