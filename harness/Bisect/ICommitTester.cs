namespace Harness.Bisect;

/// <summary>Tests whatever commit the tree has checked out: <see cref="BisectStep"/>, or a scripted one in the tests.</summary>
public interface ICommitTester
{
    StepSettings Settings { get; }

    Task<StepRecord> RunAsync(CancellationToken cancellationToken);
}
