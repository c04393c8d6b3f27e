namespace Protocol;

/// <summary>One <c>ok</c> / <c>not ok</c> line of the stream.</summary>
public sealed record KtapResult(int Number, string Name, ScenarioVerdict Verdict, string? Reason);
