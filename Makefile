# Thin wrapper around CMake + Ninja so a newcomer needs two commands:
#   make run    install dependencies, build, create isms.db, serve on 127.0.0.1:8080
#   make test   install dependencies, build, run every test (plain and ASan+UBSan)

BUILD_DIR ?= build
ASAN_DIR ?= build-asan
DB ?= isms.db
LISTEN ?= 127.0.0.1:8080

# Debian 12 packages the build and the tests need.
DEBIAN_PACKAGES := gcc make cmake ninja-build pkg-config libc6-dev \
	libsqlite3-dev libmicrohttpd-dev libjansson-dev libxlsxwriter-dev libssl-dev \
	libcmocka-dev nodejs libargon2-dev liboath-dev sqlite3 libcsv-dev \
	chromium fonts-noto-cjk libglib2.0-dev libqrencode-dev tzdata clang-format
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all deps e2e-deps build run test test-plain test-asan check-source clean

all: build

deps:
	@missing=$$(for p in $(DEBIAN_PACKAGES); do \
		dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed' || echo $$p; \
	done); \
	if [ -n "$$missing" ]; then \
		echo "installing Debian packages:" $$missing; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

# Browser tests: playwright-core from npm (pinned in tests/e2e/package-lock.json)
# driving Debian's chromium; never a browser download. NodeSource's nodejs
# bundles npm; Debian's nodejs needs the npm package.
e2e-deps: deps
	@command -v npm >/dev/null || DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq \
		--no-install-recommends npm
	@[ -d tests/e2e/node_modules/playwright-core ] || \
		(cd tests/e2e && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund)

$(BUILD_DIR)/build.ninja:
	cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo

build: deps $(BUILD_DIR)/build.ninja
	cmake --build $(BUILD_DIR)

run: build
	./$(BUILD_DIR)/isms init --db $(DB)
	./$(BUILD_DIR)/isms serve --db $(DB) --listen $(LISTEN)

test: test-plain test-asan check-source

test-plain: build e2e-deps
	ctest --test-dir $(BUILD_DIR) --output-on-failure -j2

$(ASAN_DIR)/build.ninja:
	cmake -S . -B $(ASAN_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DISMS_SANITIZE=ON

test-asan: deps e2e-deps $(ASAN_DIR)/build.ninja
	cmake --build $(ASAN_DIR)
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
		ctest --test-dir $(ASAN_DIR) --output-on-failure -j2

check-source: deps
	sh tools/check-source.sh

clean:
	rm -rf $(BUILD_DIR) $(ASAN_DIR)
