# The two commands a fresh machine needs: `make run` and `make test`.
# Both install the host packages they need first (through apt, as root).

MATRIX ?= kernels.yaml
CONFIGURATION ?= Release
HARNESS_DLL = harness/bin/$(CONFIGURATION)/net10.0/harness.dll
HARNESS = dotnet $(HARNESS_DLL)

.PHONY: run test build setup clean

build:
	dotnet build harness/Harness.csproj -c $(CONFIGURATION) -nologo -v quiet

run: build
	$(HARNESS) setup
	$(HARNESS) run --matrix $(MATRIX)

test: build
	$(HARNESS) setup --tests
	dotnet test Harness.sln -nologo

clean:
	dotnet clean Harness.sln -nologo -v quiet
