# The two commands a fresh machine needs: `make run` and `make test`.
# Both install the host packages they need first (through apt, as root).
# `make test-fast` runs the tests that need no VM, network or real build (no setup, no root).

MATRIX ?= kernels.yaml
CONFIGURATION ?= Release
HARNESS_DLL = harness/bin/publish/harness.dll
HARNESS = dotnet $(HARNESS_DLL)

.PHONY: run test test-fast build setup clean bench

# Published ReadyToRun: the harness's code comes precompiled, so each `harness run` does not spend
# its first tenths of a second compiling itself before QEMU starts (bench/RESULTS.md, overhead).
# Self-contained and composite: the runtime and the harness are compiled as one, so the generic code
# the harness instantiates over its own types (its lists, dictionaries, LINQ, async methods) is
# precompiled too; framework-dependent, the runtime compiled 730 methods before QEMU started, in
# one image 290, and the run's own time fell by 0.1 s. The first build takes about a minute more;
# `dotnet harness/bin/publish/harness.dll` still runs it, on the runtime published beside it.
build:
	dotnet publish harness/Harness.csproj -c $(CONFIGURATION) -r linux-x64 --self-contained true -p:PublishReadyToRun=true -p:PublishReadyToRunComposite=true -o harness/bin/publish -nologo -v quiet

run: build
	$(HARNESS) setup
	$(HARNESS) run --matrix $(MATRIX)

# Every test project: the fast ones and tests/Harness.VmTests (real QEMU, apt, kernel builds). What CI runs.
test: build
	$(HARNESS) setup --tests
	dotnet test Harness.sln -nologo

# The fast projects only, whole: Harness.Tests holds no VM, Network or Build test (a test checks it).
# Harness.Fast.slnf is the solution without Harness.VmTests: one build of what they need. Their
# assemblies are then tested side by side straight from the build: `dotnet test` of the solution
# spent seconds evaluating it in MSBuild again before the first test ran.
FAST_TESTS = tests/Harness.Tests/bin/Debug/net10.0/Harness.Tests.dll tests/Guest.Tests/bin/Debug/net10.0/Guest.Tests.dll
test-fast:
	dotnet build Harness.Fast.slnf -c Debug -nologo -v quiet
	dotnet test $(FAST_TESTS) -- RunConfiguration.MaxCpuCount=2

# The benchmark of issue 12 (minutes of VM boots; not part of make test): writes bench/RESULTS.md and bench/results.json.
bench: build
	python3 bench/bench.py all

clean:
	dotnet clean Harness.sln -nologo -v quiet
