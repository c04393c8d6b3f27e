// Fixtures run side by side: most of this project's time is spent waiting for child processes (the
// harness, the fake QEMU, git, tar), which a second fixture can fill. Tests inside one fixture still
// run one after another, as their instance fields (a scratch folder, a fixture-wide run) assume.
// A fixture that changes process-wide state (an environment variable its children read, a mount)
// says [NonParallelizable] and then runs alone.
[assembly: Parallelizable(ParallelScope.Fixtures)]
// Two cores, but the end-to-end fixtures mostly wait on processes they started: more workers than
// cores keeps both busy. Measured with `time make test-fast` (see README "Tests").
[assembly: LevelOfParallelism(4)]
