namespace Guest.Scenarios.Selftests;

/// <summary>One run of a selftest program: the column it reports as, its arguments and its budget.</summary>
/// <param name="Name">The result's name after <c>selftest:</c>: the program's own, or a variant's (param_test_list).</param>
/// <param name="Program">The file name of the program in the selftests folder.</param>
/// <param name="Budget">How long it may run; past that it is killed and reported as an ERROR.</param>
internal sealed record SelftestRun(string Name, string Program, IReadOnlyList<string> Arguments, TimeSpan Budget);
