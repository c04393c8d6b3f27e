namespace Harness.History;

/// <summary>Where one kernel × scenario cell of one run stands against the kernel's expectation.</summary>
public enum CellState
{
    /// <summary>The outcome is what the kernel's <c>expect</c> asks for: a PASS (or a warranted SKIP), or a control's named FAIL.</summary>
    Met,

    /// <summary>The outcome contradicts the expectation: an unexpected FAIL, a control's PASS where it must FAIL, an unwarranted SKIP.</summary>
    Missed,

    /// <summary>Some repeats of the run met the expectation and others missed it.</summary>
    Mixed,

    /// <summary>ERROR in every repeat: the run has no verdict on this cell.</summary>
    NoVerdict,
}
