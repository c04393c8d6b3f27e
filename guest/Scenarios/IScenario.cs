namespace Guest.Scenarios;

/// <summary>One check of the kernel, run on the guest's main thread.</summary>
internal interface IScenario
{
    /// <summary>The scenario's name from <see cref="Protocol.ScenarioNames"/>.</summary>
    string Name { get; }

    ScenarioOutcome Run(ScenarioSettings settings);
}
