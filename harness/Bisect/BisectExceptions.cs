namespace Harness.Bisect;

/// <summary>
/// The bisect was asked for something that cannot be done as given: not a kernel git tree, an
/// unknown revision, a good end that is not an ancestor of the bad, changes in the tree, a bisect
/// already in progress. Nothing was built; the message says what to change.
/// </summary>
public sealed class BisectInputException(string message) : Exception(message);

/// <summary>git itself failed where it should not (a checkout, <c>git bisect</c>): the message has git's last line.</summary>
public sealed class GitException(string message) : Exception(message);
