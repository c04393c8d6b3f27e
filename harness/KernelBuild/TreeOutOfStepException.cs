namespace Harness.KernelBuild;

/// <summary>The tree's record of applied patches does not match its files; the builder starts the tree afresh.</summary>
sealed class TreeOutOfStepException(string message) : Exception(message);
