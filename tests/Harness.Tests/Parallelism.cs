// Fixtures run side by side: most of this project's time is spent waiting for child processes (the
// harness, the fake QEMU, git, tar), which a second fixture can fill. Tests inside one fixture still
// run one after another, as their instance fields (a scratch folder, a fixture-wide run) assume,
// unless the fixture has an instance per test and says so (QemuRunnerTests, whose tests mostly wait).
// No test changes process-wide state: the fake QEMU takes its behaviour from its command line or
// the files it boots, so no fixture has to run alone ([NonParallelizable] would make it wait for
// every other fixture, and the others for it).
[assembly: Parallelizable(ParallelScope.Fixtures)]
// Two cores, but the end-to-end fixtures mostly wait on processes they started: more workers than
// cores keeps both busy. Measured with `time make test-fast` (see README "Tests").
[assembly: LevelOfParallelism(4)]
