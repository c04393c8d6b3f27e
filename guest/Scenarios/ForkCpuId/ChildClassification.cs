namespace Guest.Scenarios.ForkCpuId;

/// <summary>A child's observation, the sample that shows it, and the length of its longest stale run.</summary>
internal readonly record struct ChildClassification(ChildObservation Observation, ChildSample Example, int StaleRounds);
